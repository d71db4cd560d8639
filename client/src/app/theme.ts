import {
  CloseButton,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  mergeThemeOverrides,
  type CloseButtonProps,
  type CSSVariablesResolver,
  type MantineThemeOverride,
  type VariantColorsResolver,
} from '@mantine/core';

const COLORS = ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

/**
 * WCAG AA contrast (4.5:1) on white: dimmed text one shade darker, and the text of light and
 * outline variants (badges, buttons, alerts) in the darkest shades of their colour.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors under inputs: red-9 on white passes AA (red-6, Mantine's default, does not).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Links stay AA on hovered and striped rows too.
    '--mantine-color-anchor': 'var(--mantine-color-indigo-9)',
    ...Object.fromEntries(
      COLORS.flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9) 75%, black)`],
        [`--mantine-color-${c}-outline`, `color-mix(in srgb, var(--mantine-color-${c}-9) 75%, black)`],
        [`--mantine-color-${c}-text`, `color-mix(in srgb, var(--mantine-color-${c}-9) 75%, black)`],
      ]),
    ),
  },
  dark: {},
});

/**
 * Filled controls in the darkest shade (chosen for AA contrast) hover darker still: Mantine's
 * default hovers shade 9 to the lighter shade 8, where white text drops below 4.5:1.
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const shade9 = input.variant === 'filled' && typeof input.color === 'string' && /^[a-z]+\.9$/.test(input.color);
  return shade9 ? { ...colors, hover: darken(colors.background, 0.12) } : colors;
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'indigo',
  // Shade 8 for filled surfaces: with auto-contrast text (below) every colour passes AA (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  // Filled surfaces pick black or white text by their luminance (yellow, lime, orange badges).
  autoContrast: true,
  luminanceThreshold: 0.17,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
});

/**
 * The theme with what depends on the UI language: every close button (modals, drawers,
 * notifications) carries an accessible name in that language.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  return mergeThemeOverrides(theme, { components: { CloseButton: CloseButton.extend({ defaultProps: { 'aria-label': closeLabel } as Partial<CloseButtonProps> }) } });
}
