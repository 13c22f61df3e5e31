import fs from 'node:fs';
import { PDFDocument, PDFName, PDFNumber, PDFPage, type PDFRef } from 'pdf-lib';

/**
 * Joins PDFs printed in parts into one file, writing each part's objects to disk as soon as
 * its pages are copied (pdf-lib's copyPages, then the copied objects serialized and dropped
 * from the document): memory holds one part at a time, never the whole catalog. Only the
 * page tree, the document catalog and the Info dictionary wait for finish(), which writes
 * them with the cross-reference table.
 */
export class PdfJoiner {
  private readonly offsets = new Map<number, number>();
  private pos = 0;
  private pages = 0;
  private constructor(
    private readonly out: fs.promises.FileHandle,
    private readonly doc: PDFDocument,
  ) {}

  static async create(target: string): Promise<PdfJoiner> {
    const doc = await PDFDocument.create();
    const out = await fs.promises.open(target, 'w');
    const joiner = new PdfJoiner(out, doc);
    // The binary comment tells transfer tools the file is binary.
    await joiner.write(Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n\n', 'latin1'));
    return joiner;
  }

  get pageCount(): number {
    return this.pages;
  }

  /** Hangs a page at the end of the (one-level) page tree; pdf-lib's addPage would look up the pages already written and dropped. */
  private append(page: PDFPage): void {
    const tree = this.doc.catalog.Pages();
    page.node.setParent(this.doc.catalog.get(PDFName.of('Pages')) as PDFRef);
    tree.Kids().push(page.ref);
    this.pages++;
    tree.set(PDFName.of('Count'), PDFNumber.of(this.pages));
  }

  /**
   * Appends a part's pages (all but the first `skip`), each passed to `finish` (boxes, marks)
   * before it is written. Answers how many pages the part had in all.
   */
  async addPart(bytes: Uint8Array, skip: number, finish?: (page: PDFPage) => void): Promise<number> {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    const total = part.getPageCount();
    const indices = Array.from({ length: Math.max(0, total - skip) }, (_, i) => i + skip);
    // One copyPages call per part: the part's fonts are copied once, shared by its pages.
    for (const page of await this.doc.copyPages(part, indices)) {
      this.append(page);
      finish?.(page);
    }
    await this.flush();
    return total;
  }

  /** Appends a blank page of this size (points). */
  async addBlank(widthPt: number, heightPt: number, finish?: (page: PDFPage) => void): Promise<void> {
    const page = PDFPage.create(this.doc);
    page.setSize(widthPt, heightPt);
    this.append(page);
    finish?.(page);
    await this.flush();
  }

  /** Writes what remains, the cross-reference table and the trailer, and closes the file. */
  async finish(meta: { title: string; lang: string }): Promise<{ pages: number; bytes: number }> {
    this.doc.setTitle(meta.title);
    this.doc.setLanguage(meta.lang);
    this.doc.setCreator('ArteINPE');
    this.doc.setProducer('ArteINPE (Chromium, pdf-lib)');
    await this.flush(true);
    const ctx = this.doc.context;
    const size = ctx.largestObjectNumber + 1;
    const xrefAt = this.pos;
    const rows = ['xref', `0 ${size}`, '0000000000 65535 f \r'];
    for (let n = 1; n < size; n++) {
      const at = this.offsets.get(n);
      rows.push(at === undefined ? '0000000000 00001 f \r' : `${String(at).padStart(10, '0')} 00000 n \r`);
    }
    const { Root, Info } = ctx.trailerInfo;
    const trailer = `trailer\n<< /Size ${size} /Root ${String(Root)}${Info ? ` /Info ${String(Info)}` : ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await this.write(Buffer.from(`${rows.join('\n')}\n${trailer}`, 'latin1'));
    await this.out.close();
    return { pages: this.pages, bytes: this.pos };
  }

  /** Closes the file without finishing it (the caller removes it). */
  async abandon(): Promise<void> {
    await this.out.close().catch(() => undefined);
  }

  private async write(buf: Uint8Array): Promise<void> {
    await this.out.write(buf);
    this.pos += buf.length;
  }

  /** Serializes every object but the page tree, the catalog and Info (unless `all`), then drops them. */
  private async flush(all = false): Promise<void> {
    const ctx = this.doc.context;
    const keep = new Set<PDFRef | undefined>();
    if (!all) {
      keep.add(ctx.trailerInfo.Root as PDFRef);
      keep.add(ctx.trailerInfo.Info as PDFRef | undefined);
      keep.add(this.doc.catalog.get(PDFName.of('Pages')) as PDFRef);
    }
    const pieces: Uint8Array[] = [];
    let at = this.pos;
    for (const [ref, object] of ctx.enumerateIndirectObjects()) {
      if (keep.has(ref)) continue;
      const head = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1');
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      const tail = Buffer.from('\nendobj\n', 'latin1');
      this.offsets.set(ref.objectNumber, at);
      at += head.length + body.length + tail.length;
      pieces.push(head, body, tail);
      ctx.delete(ref);
    }
    if (pieces.length) {
      await this.out.writev(pieces);
      this.pos = at;
    }
  }
}
