import type { Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { ChannelName } from '../../../shared/channels';

/** One link of the navigation bar. It shows only when the signed-in role may call the channel its page opens with (main enforces it anyway). */
export interface NavItem {
  to: string;
  /** An i18n key. */
  label: string;
  icon: Icon;
  channel?: ChannelName;
}

/** A feature's links, under a group heading (an i18n key). Features that name the same group share it, in the order of the features' list. */
export interface NavGroup {
  group: string;
  items: readonly NavItem[];
}

/** A feature's section of the home page, placed by `order` (ascending). */
export interface DashboardSection {
  order: number;
  Section: ComponentType;
}

/**
 * The public face every renderer feature exports from its index.ts(x): its pages (children of
 * the shell's route, each page loaded on demand), its navigation group and its dashboard section.
 * The app (App, Shell, the dashboard) iterates one list of them: app/features.ts.
 */
export interface Feature {
  routes: readonly RouteObject[];
  navigation: NavGroup | undefined;
  dashboard: DashboardSection | undefined;
}
