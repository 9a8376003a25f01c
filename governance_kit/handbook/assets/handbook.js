// The handbook's script (govkit). "On call now" on the rota page: read the rota embedded as JSON
// in the page, find today's weekday and time in the rota's time zone, and write who is on call,
// as text. Tables: label every cell with its column heading, so that on a phone each row reads
// as a card (handbook.css); a table that still scrolls can be reached and scrolled by keyboard.
// Without scripts the page shows the rota and scrolling tables.
(function () {
  "use strict";

  var ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var SHORT = { Mon: "mon", Tue: "tue", Wed: "wed", Thu: "thu", Fri: "fri", Sat: "sat", Sun: "sun" };

  function clock(timezone, now) {
    var parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23"
    }).formatToParts(now);
    var found = {};
    parts.forEach(function (part) { found[part.type] = part.value; });
    return { day: SHORT[found.weekday], time: found.hour + ":" + found.minute };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function onCall(data, now) {
    var at = clock(data.timezone, now);
    var pieces = data.days[at.day] || [];
    var names = "";
    pieces.forEach(function (piece) {
      if (piece[0] <= at.time && at.time < piece[1]) { names = piece[2]; }
    });
    var values = { day: data.weekdays[at.day], time: at.time, timezone: data.timezone, names: names };
    return { day: at.day, text: fill(names ? data.now : data.nobody, values) };
  }

  function labelTables() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (headings[index]) { cell.setAttribute("data-label", headings[index]); }
        });
      });
      table.setAttribute("data-govkit-cards", "true");
    });
  }

  function nameControls() {
    // Material's search dialog and its task-list checkboxes have no accessible name.
    var search = document.querySelector(".md-search[role='dialog']");
    var input = document.querySelector(".md-search__input");
    if (search && input && !search.getAttribute("aria-label")) {
      search.setAttribute("aria-label", input.getAttribute("placeholder") || input.getAttribute("aria-label") || "Search");
    }
    document.querySelectorAll(".task-list-item input[type='checkbox']").forEach(function (box) {
      var item = box.closest(".task-list-item");
      if (item && !box.getAttribute("aria-label")) {
        box.setAttribute("aria-label", item.textContent.trim());
      }
    });
  }

  function scrollableByKeyboard() {
    // A table wider than the page scrolls inside its wrapper; keyboard users reach it by Tab.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
      }
    });
  }

  function render() {
    labelTables();
    nameControls();
    scrollableByKeyboard();
    var source = document.getElementById("govkit-rota-data");
    var target = document.getElementById("govkit-oncall");
    if (!source || !target) { return; }
    try {
      var data = JSON.parse(source.textContent);
      var now = onCall(data, new Date());
      target.textContent = now.text;
      var today = document.querySelector(".govkit-rota-day[data-day='" + now.day + "']");
      if (today) { today.classList.add("govkit-today"); }
      target.setAttribute("data-govkit-ready", "true");
    } catch (error) {
      // the static text stays: find today in the rota below
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(render);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
  window.govkitOnCall = { render: render, onCall: onCall, order: ORDER };
})();
