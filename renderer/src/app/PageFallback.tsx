import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long a page's code may take before a loader shows: shorter waits show nothing at all (no flash). */
const QUIET_MS = 300;

/** What the main area shows while a page's code arrives: nothing at first, then a quiet loader. */
export function PageFallback() {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShow(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!show) return null;
  return (
    <Center py="xl">
      <Loader size="sm" type="dots" aria-label={t('app.loading')} />
    </Center>
  );
}
