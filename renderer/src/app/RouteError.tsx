import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { asError, ErrorScreen, report } from './ErrorBoundary';

/** The router's error element (SignedInApp.tsx): an error in the shell or a page, shown and logged. */
export function RouteError() {
  const error = asError(useRouteError());
  useEffect(() => report('render', error), [error]);
  return <ErrorScreen error={error} />;
}
