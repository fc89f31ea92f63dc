// The WebView glue of docs/bridge.md ("Native WebViews"), verbatim: injected at document start
// (or the page's first script), it hands the page's bridge requests to native code
// (iOS: webkit.messageHandlers.samen; Android: the samenNative object of addWebMessageListener)
// and native code's answers back to the page. test/bridge/webview-glue.test.ts runs it against
// both shapes; test/docs/quickstart.test.mjs checks the docs still show exactly this.
(() => {
  const native = window.webkit?.messageHandlers?.samen ?? window.samenNative;
  if (!native) return;
  window.addEventListener('message', (event) => {
    const m = event.data;
    // Only the page's own requests, never answers (those go the other way) or other frames.
    if (event.source !== window || !m || m.samen !== 1 || m.type === 'response' || m.type === 'event') return;
    native.postMessage(JSON.stringify(m));
  });
  // Android's WebMessageListener answers on the injected object: hand answers to the page.
  if (window.samenNative) window.samenNative.onmessage = (e) => window.postMessage(JSON.parse(e.data), location.origin);
})();
