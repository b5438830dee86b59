// The runner's side of the UI bridge: a small HTTP server on loopback that lets the suite (inside the extension
// host) act on the workbench page as a person does, through Playwright: press keys, type, click, wait for an
// element, read what is on screen, take a screenshot. The suite's side is suite/ui.ts.
import { createServer } from 'node:http';
import { join } from 'node:path';

const POLL_MS = 50;

/** Frames to search: the workbench itself, or every webview frame (a webview is an iframe inside an iframe). */
function framesFor(page, where) {
  return where === 'webview' ? page.frames().filter((f) => f !== page.mainFrame()) : [page.mainFrame()];
}

async function findVisible(page, selector, where) {
  for (const frame of framesFor(page, where)) {
    try {
      const handle = await frame.$(selector);
      if (handle && (await handle.isVisible())) return { frame, handle };
    } catch {
      // a frame navigating or detached: try the next one
    }
  }
  return undefined;
}

async function waitFor(page, { selector, frame, timeoutMs = 10_000, state = 'visible' }) {
  const started = Date.now();
  for (;;) {
    const found = await findVisible(page, selector, frame);
    if (state === 'hidden' ? !found : found) return { ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`'${selector}' not ${state} in ${frame ?? 'workbench'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function query(page, { selector, frame }) {
  const rows = [];
  for (const f of framesFor(page, frame)) {
    try {
      rows.push(...(await f.$$eval(selector, (elements) => elements.map((e) => {
        const box = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        return {
          text: (e.textContent ?? '').trim(),
          ariaLabel: e.getAttribute('aria-label'),
          className: typeof e.className === 'string' ? e.className : e.getAttribute('class') ?? '',
          visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
          box: { x: box.x, y: box.y, width: box.width, height: box.height },
        };
      }))));
    } catch {
      // detached frame
    }
  }
  return rows;
}

/**
 * Records, in the workbench page, when elements matching a selector are first drawn: for each new text of the given
 * attribute (or text content), the time (Date.now(), the same clock as the extension host) of the animation frame
 * after it appeared in the DOM, that is the frame that puts it on screen. Independent of how late a poll would see it.
 */
function watchDrawn(selector, attribute) {
  const w = window;
  w.__aslDrawn ??= {};
  const seen = (w.__aslDrawn[selector] = []);
  const known = new Set();
  const check = () => {
    for (const e of document.querySelectorAll(selector)) {
      const key = attribute ? e.getAttribute(attribute) ?? '' : e.textContent ?? '';
      if (known.has(key)) continue;
      known.add(key);
      const inDom = Date.now();
      requestAnimationFrame(() => seen.push({ key, inDom, drawn: Date.now() }));
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: attribute ? [attribute] : undefined, characterData: !attribute });
  check();
}

const operations = {
  watchDrawn: async (page, { selector, attribute }) => { await page.mainFrame().evaluate(watchDrawn.toString().replace(/^function watchDrawn/, '(function') + `)(${JSON.stringify(selector)}, ${JSON.stringify(attribute ?? null)})`); return {}; },
  drawnTimes: (page, { selector }) => page.mainFrame().evaluate((s) => window.__aslDrawn?.[s] ?? [], selector),
  press: async (page, { keys }) => { await page.keyboard.press(keys); return {}; },
  type: async (page, { text }) => { await page.keyboard.type(text, { delay: 15 }); return {}; },
  query: (page, request) => query(page, request),
  waitFor: (page, request) => waitFor(page, request),
  click: async (page, { selector, frame, timeoutMs = 10_000, button, modifiers, position }) => {
    const started = Date.now();
    await waitFor(page, { selector, frame, timeoutMs });
    const found = await findVisible(page, selector, frame);
    await found.handle.click({ button, modifiers, position });
    return { ms: Date.now() - started };
  },
  hover: async (page, { selector, frame, timeoutMs = 10_000 }) => {
    await waitFor(page, { selector, frame, timeoutMs });
    await (await findVisible(page, selector, frame)).handle.hover();
    return {};
  },
  screenshot: async (page, { name }, artifacts) => {
    const path = join(artifacts, `e2e-${name}.png`);
    await page.screenshot({ path });
    return { path };
  },
};

/**
 * Starts the bridge; resolves to its URL and a close function. `pageRef.page` is the workbench page, set once it
 * is open. Requests are served one at a time, in order.
 */
export function startUiBridge(pageRef, artifacts, log) {
  let queue = Promise.resolve();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      queue = queue.then(async () => {
        let reply;
        try {
          const request = JSON.parse(body);
          const operation = Object.hasOwn(operations, request.op) ? operations[request.op] : undefined;
          if (!operation) throw new Error(`unknown UI operation '${request.op}'`);
          if (!pageRef.page) throw new Error('the workbench page is not open yet');
          reply = { ok: true, value: await operation(pageRef.page, request, artifacts) };
          if (request.op === 'screenshot') log(`screenshot test-artifacts/e2e-${request.name}.png`);
        } catch (error) {
          reply = { ok: false, error: String(error?.message ?? error) };
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply));
      });
    });
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
}
