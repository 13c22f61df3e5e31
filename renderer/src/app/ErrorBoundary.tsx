import { Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';
import type { ChannelInput } from '../../../shared/contract';

type Report = ChannelInput<'app.reportError'>;

/** Main's log keeps the window's unexpected errors (app.reportError: message and stack, bounded, redacted there). */
export function report(source: Report['source'], error: unknown, extra = ''): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const input: Report = { source, message: err.message.slice(0, 2000), stack: `${err.stack ?? ''}${extra}`.slice(0, 8000) };
  // The report is best effort: a window that cannot reach main still shows its message.
  void window.api['app.reportError'](input).catch(() => undefined);
}

const onWindowError = (e: ErrorEvent) => report('error', e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => report('rejection', e.reason);

/** Puts text on the clipboard: the Clipboard API, or the older copy command where the window may not use it. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    // The older copy command: the only copy a window without the clipboard permission may make (the app grants none).
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** The message that takes the place of a page that could not be drawn: the details to copy, and a reload. */
export function ErrorScreen({ error }: { error: Error }) {
  const [copied, setCopied] = useState(false);
  const t = (key: string) => i18next.t(`app.support.${key}`);
  const details = `${error.name}: ${error.message}\n${error.stack ?? ''}\n\n${navigator.userAgent}`;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={720} w="100%" role="alert">
        <Stack>
          <Title order={2}>{t('crashMessage')}</Title>
          <Text>{t('crashDetail')}</Text>
          <Textarea readOnly autosize minRows={3} maxRows={10} value={details} aria-label={t('copyDetails')} />
          <Group>
            <Button onClick={() => void copyText(details).then(setCopied)}>{t('copyDetails')}</Button>
            <Button variant="default" onClick={() => window.location.reload()}>
              {t('reload')}
            </Button>
            {copied && <Text c="dimmed">{t('detailsCopied')}</Text>}
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

export const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * The window's last resort: an error while drawing shows ErrorScreen in the user's language —
 * never a blank window (under the router, RouteError does the same). It also sends every
 * unexpected error of the window (its 'error' and 'unhandledrejection' events) to main's log.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: asError(error) };
  }

  override componentDidMount(): void {
    window.addEventListener('error', onWindowError);
    window.addEventListener('unhandledrejection', onRejection);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('error', onWindowError);
    window.removeEventListener('unhandledrejection', onRejection);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    report('render', error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    return this.state.error ? <ErrorScreen error={this.state.error} /> : this.props.children;
  }
}
