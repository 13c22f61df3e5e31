import type { Role } from '../../shared/auth/permissions';
import { appWithTwoPrisons, TEST_PASSWORD, type TestApp } from './services';
import { enrolledSite, type NewPc } from './site-pc';

/** The centre and E.P. de Lurigancho's site that a test carries packages between. */
export interface CentreAndSite {
  centre: TestApp;
  lur: number;
  cho: number;
  /** The site's row at the centre (what sites.writePackage names). */
  siteRow: number;
  pc: NewPc;
}

/**
 * The centre with E.P. de Lurigancho and E.P. de Chorrillos, what `prepare` records there first
 * (Lurigancho's participants, say), an account limited to Lurigancho for programas and then for
 * each of `accounts`, the administrador signed in; and Lurigancho enrolled as a site and installed
 * on a new PC with programas signed in there. The centre is closed if any of it fails.
 */
export async function centreWithSite(
  opts: { prepare?: (centre: TestApp, lur: number) => Promise<unknown>; accounts?: readonly Role[] } = {},
): Promise<CentreAndSite> {
  const { app: centre, lur, cho } = await appWithTwoPrisons();
  try {
    await opts.prepare?.(centre, lur);
    for (const role of ['programas', ...(opts.accounts ?? [])] as const) await centre.signInAs(role, { establishmentIds: [lur] });
    await centre.signInAs('administrador');
    const { siteRow, pc } = await enrolledSite(centre, lur, 'programas', TEST_PASSWORD);
    return { centre, lur, cho, siteRow, pc };
  } catch (err) {
    await centre.close();
    throw err;
  }
}
