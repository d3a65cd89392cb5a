# @hearth/__name__

## Overview

`<hearth-__name__>` shows a heading, a short text, and details the person can show or hide.
Written by `pnpm create:widget __name__`: replace this overview, the strings in
`src/translations/` and the template in `src/hearth-__name__.ts` with the widget's own.

## Usage

```html
<script type="module">
  import '@hearth/__name__/hearth-__name__.js'; // defines <hearth-__name__>
</script>

<hearth-__name__>
  <p>The details.</p>
</hearth-__name__>
```

With the script-tag build (`hearth.js`), the tag loads on its own: no import needed.

## Attributes/properties

| attribute | property     | default | meaning                                                                   |
| --------- | ------------ | ------- | ------------------------------------------------------------------------- |
| `heading` | `heading`    |         | Heading text instead of the translated default.                           |
| `config`  | `configJson` |         | JSON config for this widget alone (brand, copy overrides).                |
| `lang`    |              |         | The language (`en`, `es`); else the closest `[lang]`, then `<html lang>`. |

## Slots

Default: the details, shown with "Show details".

## Parts

`base`, `heading`, `body`, `toggle`, `details`, `error`.

## CSS properties

| property                         | default                        |
| -------------------------------- | ------------------------------ |
| `--hearth-__name__-background` | `--hearth-color-background`    |
| `--hearth-__name__-border`     | `--hearth-color-border-subtle` |

## Events

| event                     | detail     | when                             |
| ------------------------- | ---------- | -------------------------------- |
| `hearth-__name__-toggle` | `{ open }` | The details were shown or hidden. |

## Accessibility

- The widget is a `section` labelled by its heading.
- The button says whether the details are shown (`aria-expanded`) and which region it controls
  (`aria-controls`); Enter and Space press it.
- Strings come from the `__name__` i18next namespace (`en`, `es`); a partner overrides one with
  config `copy`, e.g. `{"copy": {"en": {"__name__:title": "…"}}}`.
