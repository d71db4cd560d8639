/** The key's colour, darkened until white text on it meets WCAG AA (4.5:1). */
export function readableOnWhiteText(hex: string): string {
  const parse = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  let rgb = /^#[0-9a-f]{6}$/i.test(hex) ? parse(hex) : [28, 126, 214];
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  for (let i = 0; i < 20 && 1.05 / (lum(rgb) + 0.05) < 4.6; i++) rgb = rgb.map((v) => Math.round(v * 0.9));
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
