/**
 * DejaVu covers Cyrillic and the Kazakh letters (ә ғ қ ң ө ұ ү һ і); the PDF standard fonts
 * (Helvetica) do not, so no text is ever set in them. The condensed cut fits more columns on A4.
 * Paths come from the package resolution, so they hold wherever node_modules is.
 */
export interface PdfFonts {
  readonly regular: string;
  readonly bold: string;
}

let resolved: PdfFonts | undefined;

export function pdfFonts(): PdfFonts {
  resolved ??= {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
  };
  return resolved;
}
