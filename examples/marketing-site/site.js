// The page's own script (not Hearth's): a language switch. Hearth widgets follow the page's
// <html lang>, so switching it is all a site needs to do.
const buttons = document.querySelectorAll('.language button[data-lang]');
const saved = sessionStorage.getItem('hearth-demo-lang');

function use(lang) {
  document.documentElement.lang = lang;
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  sessionStorage.setItem('hearth-demo-lang', lang);
}

if (saved === 'en' || saved === 'es') use(saved);
for (const button of buttons) button.addEventListener('click', () => use(button.dataset.lang));
