import { createTheme, darken, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';

/** One theme for the whole app: one accent colour (indigo), light and dark, focus always visible. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 in light and 8 in dark keep white text on filled buttons above 4.5:1.
  primaryShade: { light: 7, dark: 8 },
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { fw: 550 } },
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Modal: { defaultProps: { centered: true, closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close drawer' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
  },
});

// Light-variant text (badges, alerts, avatars) for these colours is below 4.5:1 on its own tint.
const TINTED = ['orange', 'yellow', 'teal', 'cyan', 'green', 'lime', 'red', 'grape', 'indigo', 'gray', 'blue', 'violet', 'pink'];

/**
 * Contrast fixes for WCAG AA in light mode: darker secondary text (Mantine's gray 6 is 3.3:1 on
 * white), darker error text, and darker text on light-variant tints.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[8] ?? '#e03131',
  };
  for (const name of TINTED) {
    const shade9 = t.colors[name]?.[9];
    if (shade9) light[`--mantine-color-${name}-light-color`] = darken(shade9, 0.3);
  }
  // Filled red (destructive buttons, confirm dialogs) takes shade 9: white on shade 6 is 3.3:1, on 8 just 4.5:1.
  const red9 = t.colors.red[9] ?? '#c92a2a';
  const filledRed = { '--mantine-color-red-filled': red9, '--mantine-color-red-filled-hover': darken(red9, 0.12) };
  Object.assign(light, filledRed);
  // Mantine's dark dimmed (#828282) is 3.5:1 on dark surfaces.
  return { variables: {}, light, dark: { '--mantine-color-dimmed': '#b0b0b0', '--mantine-color-error': t.colors.red[4] ?? '#ff8787', ...filledRed } };
};

/** The colour scheme chosen in the account menu, kept in localStorage (no inline script needed). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'sextant-color-scheme' });
