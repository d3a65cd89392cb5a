// Clínica Serena's own script. Two things, both through window.Hearth:
// - its own tag names: <serena-assessment>, <serena-coverage>… (the same widgets);
// - a language switch for the widget area, which overrides the config's "locale": "es".
const hearth = window.Hearth;
if (hearth) {
  void hearth.define({ prefix: 'serena' });

  const area = document.getElementById('herramientas');
  const buttons = document.querySelectorAll('.switch button[data-locale]');
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const locale = button.dataset.locale;
      hearth.setLocale(locale);
      // The widgets now speak `locale`: say so to assistive technology as well.
      area.lang = locale;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
    });
  }
}
