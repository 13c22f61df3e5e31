import { useState } from 'react';
import type { SiteReceived, SiteSent } from '../../../../shared/sites/schemas';
import { useApiMutation } from '../../api';

export type PackageSent = Extract<SiteSent, { status: 'saved' }>;
export type PackageRead = Extract<SiteReceived, { status: 'read' }>;

/**
 * Sending and reading data packages (sites.writePackage, sites.readPackage): both open a dialog in main,
 * where a cancel changes nothing and is not reported. A package saved is kept to show beside
 * the button, a package read opens its report, a refusal (altered, for another installation,
 * from an unknown one…) is shown beside the buttons. Both are sites writes, after which the
 * renderer refreshes everything (app/domains.ts): a package read may change any page.
 */
export function useExchange() {
  const send = useApiMutation('sites.writePackage');
  const receive = useApiMutation('sites.readPackage');
  const [sent, setSent] = useState<PackageSent | null>(null);
  const [report, setReport] = useState<PackageRead | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setError(null);
    setSent(null);
  };
  const failed = (err: Error) => setError(err.message);

  return {
    sent,
    report,
    error,
    busy: send.isPending || receive.isPending,
    /** The site being sent to (at the centre), while its package is written. */
    sendingTo: send.isPending ? (send.variables?.siteId ?? null) : undefined,
    sending: send.isPending,
    receiving: receive.isPending,
    send: (siteId?: number) => {
      start();
      send.mutate(siteId === undefined ? {} : { siteId }, {
        onSuccess: (r) => {
          if (r.status === 'saved') setSent(r);
        },
        onError: failed,
      });
    },
    receive: () => {
      start();
      receive.mutate(
        {},
        {
          onSuccess: (r) => {
            if (r.status === 'read') setReport(r);
          },
          onError: failed,
        },
      );
    },
    closeReport: () => setReport(null),
  };
}

export type Exchange = ReturnType<typeof useExchange>;
