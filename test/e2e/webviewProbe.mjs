// ASL_E2E_PROBE=1: where a new webview's time goes in code-server. Every frame of the workbench page (the workbench,
// each webview's pre/index.html, its fake.html / content frame) records, on the machine's clock (Date.now(), the same
// clock as the extension host's timeline), when its document starts, its DOMContentLoaded and load, the service
// worker's registration, controller change and version answer, the messages between the workbench and
// pre/index.html (their MessagePort channels), window messages, and its first paint; a Chromium trace of the same run
// (test-artifacts/e2e-probe-trace.json) shows what the renderer and the service worker threads did meanwhile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs in every frame before its own scripts (Playwright's init script). */
function probe() {
  let top;
  try {
    top = window.top;
    top.__aslProbe ??= [];
  } catch (error) {
    // Out of the workbench's reach: the marks go to the console, which the runner also reads.
    top = { __aslProbe: { push: (m) => console.log(`[asl-probe] ${JSON.stringify(m)}`) } };
    console.log(`[asl-probe] ${JSON.stringify([Date.now(), location.href.slice(0, 60), String(error)])}`);
  }
  const now = () => performance.timeOrigin + performance.now();
  // Computed at each mark: the initial about:blank window of an iframe is reused by its first same-origin document.
  const where = () => {
    const params = new URLSearchParams(location.search);
    const name = location.pathname.split('/').pop() || location.href.slice(0, 20);
    return `${name}${params.get('id') ? `#${params.get('id').slice(0, 6)}` : ''}${params.get('purpose') ? `(${params.get('purpose')})` : ''}`;
  };
  const marks = (top.__aslProbe ??= []);
  const mark = (what, at = now()) => marks.push([Math.round(at * 10) / 10, where(), what]);
  mark('document');
  document.addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
  window.addEventListener('load', () => mark('load'));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) mark(e.name, performance.timeOrigin + e.startTime);
  }).observe({ type: 'paint', buffered: true });
  const label = (data) => {
    if (!data || typeof data !== 'object') return String(data).slice(0, 40);
    const inner = data.data?.message?.type ?? data.args?.message?.type ?? data.message?.type;
    return [data.channel, data.type, inner].filter(Boolean).join(':');
  };
  window.addEventListener('message', (e) => mark(`window message ${label(e.data)}`), true);
  const sw = navigator.serviceWorker;
  if (sw) {
    const register = sw.register.bind(sw);
    sw.register = (...args) => {
      mark('serviceWorker.register');
      return register(...args).then((r) => {
        mark(`serviceWorker registered (installing ${!!r.installing}, waiting ${!!r.waiting}, active ${!!r.active})`);
        for (const w of [r.installing, r.waiting, r.active]) w?.addEventListener('statechange', () => mark(`serviceWorker ${w.state}`));
        return r;
      });
    };
    mark(`serviceWorker controller at start: ${sw.controller ? sw.controller.scriptURL.replace(/.*id=([^&]{6}).*/, '$1') : 'none'}`);
    sw.addEventListener('controllerchange', () => mark('serviceWorker controllerchange'));
    sw.addEventListener('message', (e) => mark(`serviceWorker message ${label(e.data)}`));
  }
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (data, ...rest) {
    mark(`port send ${label(data)}`);
    return post.call(this, data, ...rest);
  };
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    ...onmessage,
    set(handler) {
      onmessage.set.call(this, handler && ((e) => {
        mark(`port receive ${label(e.data)}`);
        return handler.call(this, e);
      }));
    },
  });
  // In pre/index.html: each animation frame, the state of its content frame (pending, then active), and the first
  // state box of a graph view in it, seen in the frame that draws it.
  if (location.pathname.endsWith('/pre/index.html')) {
    let last = '';
    const watch = () => {
      const frame = document.getElementById('pending-frame') ?? document.getElementById('active-frame');
      let state = '';
      try {
        const d = frame?.contentDocument;
        state = frame ? `${frame.id} ${d?.location.pathname.split('/').pop() || 'blank'} ${d?.readyState}${d?.querySelector('svg.graph g.node') ? ' with a state box' : ''}${d?.getElementById('bare-webview') ? ' bare' : ''}` : '';
      } catch (error) {
        state = String(error);
      }
      if (state !== last) mark(`content frame: ${state}`);
      last = state;
      if (!state.includes('active-frame') || !/state box|bare/.test(state)) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }
}

/** Installs the probe on a page; `report()` writes the marks and the trace and returns them as lines. */
export async function installProbe(browser, page, artifacts, trace) {
  await page.addInitScript(probe);
  const consoleMarks = [];
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('[asl-probe] ')) consoleMarks.push(JSON.parse(text.slice(12)));
  });
  const tracePath = join(artifacts, 'e2e-probe-trace.json');
  if (trace) await browser.startTracing(page, {
    path: tracePath,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'ServiceWorker', 'loading', 'navigation', 'blink.user_timing', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline.frame'],
  });
  return async () => {
    const marks = [...(await page.evaluate(() => window.__aslProbe ?? []).catch(() => [])), ...consoleMarks].sort((a, b) => a[0] - b[0]);
    if (trace) await browser.stopTracing();
    writeFileSync(join(artifacts, 'e2e-probe-marks.json'), JSON.stringify(marks));
    return marks;
  };
}
