// hotline-kit web application: small progressive enhancements. Every page works
// without this script; the Content-Security-Policy allows no inline script, only this
// file.
'use strict';

// Forms with data-confirm ask before they are sent.
document.addEventListener('submit', (ev) => {
  const f = ev.target;
  if (f instanceof HTMLFormElement && f.dataset.confirm && !window.confirm(f.dataset.confirm)) {
    ev.preventDefault();
  }
});
