/**
 * What the services need from the machine they run on. The Electron main process
 * implements it with dialogs and the shell; the browser harness and the tests with
 * plain folders. Services see only this interface, never 'electron'.
 */
export interface SaveRequest {
  /** File name offered in the dialog, e.g. "establecimientos-2026-11-26.xlsx". */
  defaultName: string;
  filterName: string;
  extensions: string[];
}

export interface Platform {
  shell: 'electron' | 'browser';
  version: string;
  paths: {
    dbPath: string;
    backupDir: string;
    /** The managed folder of attachments (photos, scanned documents), named by content hash. */
    attachmentsDir: string;
  };
  /** Asks where to save a file; null when the user cancels. */
  chooseSavePath(request: SaveRequest): Promise<string | null>;
  /** Shows a file in the system's file manager. */
  showInFolder(filePath: string): Promise<void>;
  /**
   * Prints a complete, static HTML document (see pdf/html.ts) to PDF with the app's
   * Chromium. A CSS `@page { size }` in the document wins over `pageSize`/`landscape`.
   */
  printPdf(request: PdfRequest): Promise<Buffer>;
  /**
   * printPdf, written straight to `target` instead of answered in memory (a catalog of
   * hundreds of images). Absent, callers write printPdf's answer themselves.
   */
  printPdfToFile?(request: PdfRequest, target: string): Promise<void>;
  /**
   * Asks for a folder: where to write a backup (a USB stick), or the backup folder to
   * restore. null when the user cancels; absent where the machine has no such dialog.
   */
  chooseFolder?(request: FolderRequest): Promise<string | null>;
  /**
   * Asks for one file to open: a data package carried on a USB stick (issue 20), too large to
   * travel through the window as base64. null when the user cancels; absent where the machine
   * has no such dialog.
   */
  chooseOpenFile?(request: OpenRequest): Promise<string | null>;
  /**
   * The operating system's protected storage for secrets (the office server's password):
   * Electron's safeStorage in the app (DPAPI on Windows). A sealed secret is base64 text
   * that only this user on this machine can open; absent where the machine has none.
   */
  secrets?: Secrets;
  /** Restarts the data layer after Settings → Base de datos changed (the app relaunches); absent: at the next start. */
  restartDataLayer?(): void;
  /**
   * Shows one notification of the operating system (Windows' action centre): Electron's
   * Notification in the app; absent in the browser harness, which has none.
   */
  notify?(title: string, body: string): void;
}

export interface Secrets {
  /** Whether secrets can really be protected here (not a hard-coded key). */
  available(): Promise<boolean>;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export interface OpenRequest {
  /** The dialog's title, in the user's language. */
  title: string;
  filterName: string;
  extensions: string[];
}

export interface FolderRequest {
  purpose: 'backup' | 'restore' | 'photos';
  /** The dialog's title, in the user's language. */
  title: string;
}

export interface PdfRequest {
  html: string;
  pageSize: 'A4' | 'A5' | 'Letter';
  landscape?: boolean;
  /**
   * A folder of prepared files (the catalog's images) that the HTML references by relative
   * URL. The printer then loads the HTML from inside this folder and allows file: requests
   * only within it. Without it the document must be self-contained (data: URLs only).
   */
  assetsDir?: string;
}
