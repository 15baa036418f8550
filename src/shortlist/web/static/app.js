// Small helpers shared by the pages: JSON calls to the API with the session cookie.
async function api(method, url, body) {
  const opts = {method, headers: {}, credentials: "same-origin"};
  if (body instanceof FormData) opts.body = body;
  else if (body !== undefined) { opts.headers["content-type"] = "application/json"; opts.body = JSON.stringify(body); }
  const r = await fetch(url, opts);
  if (r.status === 401) { location.href = "/login"; throw new Error("not logged in"); }
  const text = await r.text();
  let data = null; try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
  if (!r.ok && r.status !== 400 && r.status !== 413 && r.status !== 415) throw new Error((data && data.detail) || r.statusText);
  return {status: r.status, data};
}
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) { if (k === "class") e.className = v; else e.setAttribute(k, v); }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(k == null ? "" : String(k)));
  return e;
}
