import { IconChartHistogram } from '@tabler/icons-react';
import type { NavGroup } from '../../app/feature';
import { evaluationPath } from './paths';

/** The evaluation page, in the programmes' group of the navigation bar (after its reports). */
export const evaluationNavigation: NavGroup = {
  group: 'programmes.nav.group',
  items: [{ to: evaluationPath, label: 'evaluation.page.nav', icon: IconChartHistogram, channel: 'evaluation.summary' }],
};
