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

// Review: zoom the large preview (buttons, keyboard), and place a comment's pin by
// clicking on page 1 (the pin's numbers also have fields of their own, so the form
// works without this script and from the keyboard).
(() => {
  const controls = document.querySelector('[data-zoom-controls]');
  const frames = document.querySelectorAll('[data-zoom-frame]');
  if (controls && frames.length) {
    const levels = [1, 1.5, 2, 3];
    let level = 0;
    const out = controls.querySelector('[data-zoom-level]');
    const apply = () => {
      frames.forEach((f) => {
        levels.forEach((_, i) => f.classList.toggle('zoom-' + (i + 1), i === level && i > 0));
      });
      if (out) out.textContent = Math.round(levels[level] * 100) + '%';
    };
    controls.hidden = false;
    controls.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-zoom]');
      if (!b) return;
      const z = b.dataset.zoom;
      level = z === 'in' ? Math.min(level + 1, levels.length - 1) : z === 'out' ? Math.max(level - 1, 0) : 0;
      apply();
    });
    frames.forEach((f) => f.addEventListener('keydown', (ev) => {
      if (ev.key === '+' || ev.key === '=') { level = Math.min(level + 1, levels.length - 1); apply(); ev.preventDefault(); }
      if (ev.key === '-') { level = Math.max(level - 1, 0); apply(); ev.preventDefault(); }
      if (ev.key === '0') { level = 0; apply(); ev.preventDefault(); }
    }));
  }
  const surface = document.querySelector('[data-pin-surface]');
  const form = document.querySelector('[data-pin-form]');
  if (!surface || !form) return;
  const x = form.querySelector('[data-pin-x]');
  const y = form.querySelector('[data-pin-y]');
  const clear = form.querySelector('[data-pin-clear]');
  const mark = surface.querySelector('[data-pin-new]');
  const show = () => {
    const a = parseFloat(x.value);
    const b = parseFloat(y.value);
    const ok = a >= 0 && a <= 1 && b >= 0 && b <= 1;
    if (mark) {
      mark.setAttribute('cx', ok ? String(a * 100) : '-10');
      mark.setAttribute('cy', ok ? String(b * 100) : '-10');
    }
    if (clear) clear.hidden = !ok;
  };
  const img = surface.querySelector('img');
  if (img) {
    img.addEventListener('click', (ev) => {
      const r = img.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) return;
      const fx = Math.min(1, Math.max(0, (ev.clientX - r.left) / r.width));
      const fy = Math.min(1, Math.max(0, (ev.clientY - r.top) / r.height));
      x.value = fx.toFixed(3);
      y.value = fy.toFixed(3);
      show();
      const body = form.querySelector('textarea');
      if (body) body.focus();
    });
  }
  x.addEventListener('input', show);
  y.addEventListener('input', show);
  if (clear) {
    clear.addEventListener('click', () => { x.value = ''; y.value = ''; show(); x.focus(); });
  }
})();
