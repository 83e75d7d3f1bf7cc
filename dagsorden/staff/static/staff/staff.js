// The staff pages' behaviour, in one static file so that the Content-Security-Policy
// can forbid inline scripts. Each part looks for its element and does nothing without it.
(function () {
  // An htmx request the server refused or never got would otherwise change nothing on
  // the page and say nothing.
  const box = document.getElementById("request-error");
  if (box) {
    const show = (text) => {
      box.textContent = text;
      box.hidden = false;
      box.focus();
    };
    document.addEventListener("htmx:beforeRequest", () => { box.hidden = true; });
    document.addEventListener("htmx:responseError", (event) => {
      show(box.dataset.failed.replace("{status}", event.detail.xhr.status));
    });
    document.addEventListener("htmx:sendError", () => show(box.dataset.offline));
  }

  // The print preview is as tall as the printed item (load does not bubble: capture it).
  document.addEventListener("load", (event) => {
    const frame = event.target;
    if (frame instanceof HTMLIFrameElement && frame.classList.contains("print-preview")) {
      frame.style.height = (frame.contentDocument.documentElement.scrollHeight + 24) + "px";
    }
  }, true);

  // Live minutes: after htmx swaps the live part, bring its message (a refusal's reason,
  // a confirmation) to where the user is looking, and to the screen reader.
  if (document.getElementById("live")) {
    document.body.addEventListener("htmx:afterSwap", () => {
      const message = document.querySelector("#live .messages .message");
      if (!message) return;
      message.setAttribute("tabindex", "-1");
      message.scrollIntoView({block: "center"});
      message.focus({preventScroll: true});
    });
  }

  // Agenda builder: drag and drop sends the new order; the server refuses orders that
  // break the rules (standard items first/last, closed items last) and the page then
  // reloads as it was.
  const list = document.getElementById("agenda");
  if (list && list.dataset.orderUrl) {
    let dragged = null;
    list.addEventListener("dragstart", (e) => { dragged = e.target.closest("li"); });
    list.addEventListener("dragover", (e) => {
      e.preventDefault();
      const over = e.target.closest("li");
      if (!dragged || !over || over === dragged) return;
      const after = e.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("drop", async (e) => {
      e.preventDefault();
      const order = [...list.querySelectorAll("li")].map((li) => li.dataset.id);
      const response = await fetch(list.dataset.orderUrl, {
        method: "POST",
        headers: {"Content-Type": "application/json",
                  "X-CSRFToken": document.querySelector("[name=csrfmiddlewaretoken]").value},
        body: JSON.stringify({order}),
      });
      if (!response.ok) {
        const error = document.getElementById("order-error");
        error.textContent = ((await response.json()).errors || []).join(" ");
        error.hidden = false;
        setTimeout(() => window.location.reload(), 1500);
      }
    });
  }
})();
