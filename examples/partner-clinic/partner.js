// Clínica Serena's own script. Three things, all through window.Hearth:
// - its own tag names: <serena-assessment>, <serena-coverage>… (the same widgets);
// - its own instrument, the GAD-7, registered from a JSON definition (./gad-7.json) with
//   `Hearth.registerInstrument()` (the same as `assessment.definitions` in config), without
//   forking: the widget runs it, the clinic's receiver re-scores it;
// - a language switch for the widget area, which overrides the config's "locale": "es".
const hearth = window.Hearth;
if (hearth) {
  void hearth.define({ prefix: 'serena' });

  // The GAD-7 is offered in English only (no official Spanish form the clinic can cite).
  void fetch('./gad-7.json')
    .then((response) => response.json())
    .then((definition) => hearth.registerInstrument(definition))
    .then(() => {
      const gad7 = document.createElement('serena-assessment');
      gad7.id = 'ansiedad';
      gad7.setAttribute('instrument', 'gad-7');
      document.getElementById('ansiedad-widget')?.append(gad7);
    });

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
