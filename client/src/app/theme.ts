import { CloseButton, createTheme, type CloseButtonProps, mergeThemeOverrides, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

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

export const theme = createTheme({
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
