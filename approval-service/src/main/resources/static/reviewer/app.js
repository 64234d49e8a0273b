// The reviewer page: the pending queue, kept live over server-sent events, and a detail view to decide from.
// Plain browser JavaScript, no build step. The token lives in sessionStorage and goes in an Authorization header;
// EventSource cannot send headers, so the event stream is read with fetch.
"use strict";

const state = { token: sessionStorage.getItem("ticketflow.token"), selected: null, stream: null };
const $ = (id) => document.getElementById(id);

function authHeaders(extra) {
  return Object.assign({ Authorization: "Bearer " + state.token }, extra || {});
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({}, options, { headers: authHeaders((options || {}).headers) }));
  if (response.status === 401) {
    signOut("Your session ended; sign in again.");
    throw new Error("unauthorized");
  }
  return response;
}

function text(value) {
  return value === null || value === undefined ? "" : String(value);
}

function cell(row, value) {
  const td = document.createElement("td");
  td.textContent = text(value);
  row.appendChild(td);
}

function suggestionText(suggestion) {
  if (!suggestion) return "AI unavailable";
  return suggestion.priority + " · " + suggestion.category + " · " + Math.round(suggestion.confidence * 100) + "%";
}

function upsertRow(approval) {
  const request = approval.request;
  const id = "row-" + request.ticketId;
  let row = document.getElementById(id);
  if (approval.status !== "PENDING") {
    removeRow(request.ticketId, approval);
    return;
  }
  if (!row) {
    row = document.createElement("tr");
    row.id = id;
    row.dataset.ticketId = request.ticketId;
    row.addEventListener("click", () => openDetail(request.ticketId));
    $("queue").tBodies[0].appendChild(row);
  }
  row.replaceChildren();
  cell(row, request.ticketId);
  cell(row, request.tenant);
  cell(row, request.ticket.title);
  cell(row, request.reasons.join(", "));
  cell(row, suggestionText(request.suggestion));
  cell(row, new Date(request.requestedAt).toLocaleString());
  cell(row, new Date(request.expiresAt).toLocaleString());
  refreshEmpty();
}

function removeRow(ticketId, approval) {
  const row = document.getElementById("row-" + ticketId);
  if (row) row.remove();
  if (state.selected && state.selected.request.ticketId === ticketId && approval) {
    const decision = approval.decision;
    const by = decision && decision.reviewer ? " by " + decision.reviewer : "";
    $("detail-notice").textContent = "This approval is now " + approval.status + by + ".";
    $("detail-notice").hidden = false;
    setButtons(false);
  }
  refreshEmpty();
}

function refreshEmpty() {
  $("empty").hidden = $("queue").tBodies[0].rows.length > 0;
}

async function loadQueue() {
  $("queue").tBodies[0].replaceChildren();
  let cursor = null;
  do {
    const query = "/approvals?status=PENDING&order=oldest&limit=200" + (cursor ? "&cursor=" + cursor : "");
    const response = await api(query);
    if (!response.ok) throw new Error("listing failed: " + response.status);
    const page = await response.json();
    page.items.forEach(upsertRow);
    cursor = page.nextCursor;
  } while (cursor);
  refreshEmpty();
}

// Reads text/event-stream from a fetch body: blocks separated by a blank line, fields "event:", "data:".
async function followEvents() {
  const controller = new AbortController();
  state.stream = controller;
  const response = await api("/approvals/stream", { signal: controller.signal, headers: { Accept: "text/event-stream" } });
  $("live").classList.add("on");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      handleEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

function handleEvent(block) {
  let name = "message";
  const data = [];
  block.split("\n").forEach((line) => {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5));
  });
  if (data.length === 0) return;
  const approval = JSON.parse(data.join("\n"));
  if (name === "requested") upsertRow(approval);
  else if (name === "decided" || name === "expired") removeRow(approval.request.ticketId, approval);
}

// Keeps the queue live: after a dropped stream, reload the list (events are not replayed) and follow again.
async function stayLive() {
  while (state.token) {
    try {
      await loadQueue();
      await followEvents();
    } catch (e) {
      if (!state.token) return;
    }
    $("live").classList.remove("on");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function openDetail(ticketId) {
  const response = await api("/approvals/" + encodeURIComponent(ticketId));
  if (!response.ok) return;
  const approval = await response.json();
  state.selected = approval;
  state.idempotencyKey = null;
  document.querySelectorAll("tbody tr.selected").forEach((row) => row.classList.remove("selected"));
  const row = document.getElementById("row-" + ticketId);
  if (row) row.classList.add("selected");
  const request = approval.request;
  $("detail").hidden = false;
  $("detail-notice").hidden = true;
  $("result").textContent = "";
  $("detail-title").textContent = request.ticket.title;
  $("detail-ticket").textContent = request.ticketId + " (" + request.tenant + ", " + request.ticket.source + ")";
  $("detail-description").textContent = request.ticket.description;
  $("detail-reasons").textContent = request.reasons.join(", ");
  const s = request.suggestion;
  $("detail-suggestion").textContent = s
    ? suggestionText(s) + " — " + s.summary + (s.solutionSteps.length ? " Steps: " + s.solutionSteps.join("; ") : "")
    : "AI unavailable: no suggestion";
  const list = $("detail-duplicates");
  list.replaceChildren();
  ((request.duplicate && request.duplicate.candidates) || []).forEach((candidate) => {
    const item = document.createElement("li");
    item.textContent = candidate.ticketId + " — " + candidate.title + " (" + candidate.similarity.toFixed(2) + ")";
    list.appendChild(item);
  });
  if (list.children.length === 0) list.textContent = "none";
  $("detail-version").textContent = approval.version;
  $("comment").value = "";
  $("edit-priority").value = "";
  $("edit-category").value = s ? s.category : "";
  $("edit-duplicate").value = "";
  setButtons(approval.status === "PENDING");
}

function setButtons(enabled) {
  ["approve", "reject", "edit"].forEach((id) => ($(id).disabled = !enabled));
}

function newKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
}

async function decide(decision) {
  const approval = state.selected;
  const body = { decision: decision, expectedVersion: approval.version };
  const comment = $("comment").value.trim();
  if (comment) body.comment = comment;
  if (decision === "EDIT") {
    const edits = {};
    if ($("edit-priority").value) edits.priority = $("edit-priority").value;
    const category = $("edit-category").value.trim();
    if (category && (!approval.request.suggestion || category !== approval.request.suggestion.category)) edits.category = category;
    if ($("edit-duplicate").value.trim()) edits.duplicateOf = $("edit-duplicate").value.trim();
    body.edits = edits;
  }
  // One key per decision attempt: a retry after a lost answer repeats it and gets the same result.
  state.idempotencyKey = state.idempotencyKey || newKey();
  setButtons(false);
  const response = await api("/approvals/" + encodeURIComponent(approval.request.ticketId) + "/decision", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": state.idempotencyKey },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 200) {
    $("result").textContent = decision + " applied (version " + answer.version + ").";
    removeRow(approval.request.ticketId, null);
  } else if (response.status === 202) {
    $("result").textContent = "Queued; the queue updates when it is applied.";
  } else {
    $("result").textContent = "Refused: " + (answer.detail || response.status);
    state.idempotencyKey = null;
    setButtons(response.status !== 409);
  }
}

async function showLogin() {
  $("who").hidden = true;
  $("sign-out").hidden = true;
  const users = await fetch("/dev/users").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (users) {
    const select = $("dev-user");
    select.replaceChildren();
    Object.keys(users).sort().forEach((user) => {
      const option = document.createElement("option");
      option.value = user;
      option.textContent = user + " (" + users[user].join(", ") + ")";
      select.appendChild(option);
    });
    $("dev-login").hidden = false;
  } else {
    $("token-login").hidden = false;
  }
}

function signedIn(token) {
  state.token = token;
  sessionStorage.setItem("ticketflow.token", token);
  $("dev-login").hidden = true;
  $("token-login").hidden = true;
  const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
  $("who").textContent = claims.sub + " (" + (claims.roles || []).join(", ") + ")";
  $("who").hidden = false;
  $("sign-out").hidden = false;
  stayLive();
}

function signOut(message) {
  state.token = null;
  sessionStorage.removeItem("ticketflow.token");
  if (state.stream) state.stream.abort();
  $("queue").tBodies[0].replaceChildren();
  $("detail").hidden = true;
  $("result").textContent = message || "";
  showLogin();
}

$("dev-login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const response = await fetch("/dev/token?user=" + encodeURIComponent($("dev-user").value), { method: "POST" });
  if (response.ok) signedIn((await response.json()).access_token);
});
$("token-login").addEventListener("submit", (event) => {
  event.preventDefault();
  signedIn($("token").value.trim());
});
$("sign-out").addEventListener("click", () => signOut());
$("approve").addEventListener("click", () => decide("APPROVE"));
$("reject").addEventListener("click", () => decide("REJECT"));
$("edit").addEventListener("click", () => decide("EDIT"));

if (state.token) signedIn(state.token);
else showLogin();
