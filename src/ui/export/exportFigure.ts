// SVG and PNG files of a figure on the page, and the download of either.
import { embeddedFontCss } from './fonts';
import { figureToSvg, svgDocumentText, SVG_NS, type SerializeOptions } from './serialize';

export type ExportFormat = 'svg' | 'png';

/** The PNG is drawn at twice the on-screen size, sharp on slides and in print. */
export const PNG_SCALE = 2;
const FONT_SETTLE_MS = 300;

export interface ExportedFile {
  blob: Blob;
  filename: string;
  width: number;
  height: number;
}

/** The figure as a standalone SVG file's text, fonts included. */
export async function figureSvgText(
  root: Element,
  options: SerializeOptions = {},
): Promise<{ text: string; width: number; height: number }> {
  const { element, width, height } = figureToSvg(root, options);
  const css = await embeddedFontCss(element);
  if (css) {
    const defs = root.ownerDocument.createElementNS(SVG_NS, 'defs');
    const style = root.ownerDocument.createElementNS(SVG_NS, 'style');
    style.textContent = css;
    defs.appendChild(style);
    element.insertBefore(defs, element.firstChild);
  }
  return { text: svgDocumentText(element), width, height };
}

/** Rasterises SVG text at `scale` through an <img> and a canvas. */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = PNG_SCALE,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    // The embedded fonts (data URLs) load inside the image after it decodes; give them a
    // moment so the PNG shows the book's fonts rather than the fallbacks.
    await new Promise((resolve) => setTimeout(resolve, FONT_SETTLE_MS));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('empty PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a figure's name: letters (any script), digits and dashes. */
export function exportFilename(name: string, format: ExportFormat): string {
  const slug =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'figure';
  return `gatebook-${slug}.${format}`;
}

export async function exportFigure(
  root: Element,
  name: string,
  format: ExportFormat,
  options: SerializeOptions = {},
): Promise<ExportedFile> {
  const { text, width, height } = await figureSvgText(root, options);
  const filename = exportFilename(name, format);
  if (format === 'svg') {
    return { blob: new Blob([text], { type: 'image/svg+xml' }), filename, width, height };
  }
  const blob = await svgToPng(text, width, height);
  return { blob, filename, width: width * PNG_SCALE, height: height * PNG_SCALE };
}

/** Saves a blob under a file name (a temporary link with `download`). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
