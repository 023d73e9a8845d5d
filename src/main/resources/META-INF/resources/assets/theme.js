// The theme before the first paint: a chosen one, else the system's, else dark. A file of its own, not an
// inline script: the Content-Security-Policy runs only Hearth's own files. Loaded blocking, in <head>, on purpose.
(function () {
  var t = localStorage.getItem('hearth-theme');
  if (!t && matchMedia('(prefers-color-scheme: light)').matches) t = 'light';
  document.documentElement.dataset.theme = t || 'dark';
})();
