// Alliance Atlas: reads a `?data=` dataset beside the page (src/platform/worker/).
//
// index.html starts this worker as the page opens, before the app, with the query
// `?data=URL&name=AS_GIVEN&glue=APP_SCRIPT&origin=PAGE_TIME_ORIGIN`. It fetches the data at once; the app, once
// started, sends its own WebAssembly module (already compiled: nothing is downloaded or compiled
// twice), and the worker runs the app's reader on the body part by part as it arrives
// (`atlas_worker_begin`, `atlas_worker_push`, `atlas_worker_end`), which posts the finished load back
// to the page. Messages to the page: `{ kind: "start-failed" | "failed", message }` here; the rest
// come from the app's code (src/platform/worker/serve.rs).
const query = new URLSearchParams(self.location.search);
const url = query.get("data");
const name = query.get("name") ?? url;
const origin = Number(query.get("origin"));
const body = fetch(url);
const module = new Promise((resolve) => {
  self.onmessage = (event) => resolve(event.data.module);
});
const post = (kind, message) => self.postMessage({ kind, message });

(async () => {
  let atlas;
  try {
    atlas = await import(query.get("glue"));
    await atlas.default({ module_or_path: await module });
  } catch (e) {
    post("start-failed", String(e));
    return;
  }
  let response;
  try {
    response = await body;
  } catch (e) {
    post("failed", `could not read ${name}: ${e}`);
    return;
  }
  if (!response.ok) {
    post("failed", `could not read ${name}: the server answered ${response.status} ${response.statusText}`);
    return;
  }
  const announced = response.headers.get("content-length");
  atlas.atlas_worker_begin(name, announced === null ? -1 : Number(announced), origin);
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!atlas.atlas_worker_push(value)) {
        reader.cancel();
        return;
      }
    }
  } catch (e) {
    post("failed", `could not read ${name}: ${e}`);
    return;
  }
  atlas.atlas_worker_end();
})();
