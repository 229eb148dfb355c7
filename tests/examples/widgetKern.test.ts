// The widget's part of KERN UX is generated (scripts/widget-kern.ts) and committed, because
// districts copy it: it must be what the installed @kern-ux/native gives.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { widgetKern, widgetKernFile } from '../../scripts/widget-kern.js';

test('examples/district-widget/kern.css is what `npm run build:widget` writes from the installed KERN UX', async () => {
  expect(await readFile(widgetKernFile, 'utf8'), 'run `npm run build:widget` and commit kern.css').toBe(await widgetKern());
});

test('it declares KERN’s tokens for the widget’s tree, with the widget’s custom properties in front, and no fonts', async () => {
  const css = await widgetKern();
  expect(css).toContain('--kern-color-action-default: var(--ig-colour-accent, var(--kern-color-darkblue-700));');
  expect(css).toContain('--kern-color-action-default-contextual: var(--kern-color-action-default);');
  expect(css).not.toMatch(/:root|@font-face|prefers-color-scheme|\.kern-(?:table|dialog|accordion)\b/);
  expect(css).toMatch(/\.kern-form-input__select-wrapper \{/);
});
