// uPlot, loaded only by the pages that draw charts (the overview's sparklines are plain SVG).
let loading;
export function uplot() {
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet'; css.href = '/assets/vendor/uplot/uPlot.min.css';
    document.head.append(css);
    const s = document.createElement('script');
    s.src = '/assets/vendor/uplot/uPlot.iife.min.js';
    s.onload = () => resolve(window.uPlot);
    s.onerror = () => reject(new Error('chart library missing from the build'));
    document.head.append(s);
  });
  return loading;
}

export function cssVar(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }
