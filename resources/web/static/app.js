// The phone page's live updates: server-sent events, polling where a browser has none.
// The server renders every word; this script swaps the live part in and raises the alert.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live) { return; }
  document.documentElement.className += " js";
  var lastAlert = live.getAttribute("data-alert") || "";
  var chime = null;
  var lost = null;

  function showOffline(on) {
    var banner = document.getElementById("link-lost");
    if (on && !banner && !live.querySelector(".offline")) {
      banner = document.createElement("p");
      banner.id = "link-lost";
      banner.className = "offline";
      banner.setAttribute("role", "status");
      banner.textContent = live.getAttribute("data-offline");
      live.insertBefore(banner, live.firstChild);
    } else if (!on && banner) {
      banner.parentNode.removeChild(banner);
    }
  }

  function raiseAlert(text) {
    var box = document.getElementById("alert");
    if (box) {
      document.getElementById("alert-text").textContent = text;
      box.hidden = false;
      document.getElementById("alert-ok").focus();
    }
    if (navigator.vibrate) {
      try { navigator.vibrate([600, 250, 600, 250, 1200]); } catch (e) { /* not allowed */ }
    }
    if (chime) {
      try { chime.currentTime = 0; var p = chime.play(); if (p && p.catch) { p.catch(function () {}); } } catch (e) { /* blocked */ }
    }
  }

  function showSoundOn() {
    var sound = document.getElementById("sound");
    if (sound && chime) {
      sound.textContent = sound.getAttribute("data-ready");
      sound.disabled = true;
    }
  }

  function apply(data) {
    if (!data) { return; }
    if (data.reload) { window.location.reload(); return; }
    if (typeof data.html === "string") {
      live.innerHTML = data.html;
      showSoundOn();
    } else if (data.offline) {
      showOffline(true);
    }
    if (data.title) { document.title = data.title; }
    if (data.state) { document.body.setAttribute("data-state", data.state); }
    var alert = data.alert || "";
    if (data.state !== undefined) {
      if (alert && alert !== lastAlert) { raiseAlert(data.alert_text); }
      lastAlert = alert;
    }
  }

  function poll() {
    var url = live.getAttribute("data-poll");
    var next = function () { window.setTimeout(poll, 3000); };
    if (!window.fetch) {
      return; // a very old browser keeps the page's own refresh (see below)
    }
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (data) { showOffline(false); apply(data); next(); })
      .catch(function () { showOffline(true); next(); });
  }

  function listen() {
    var source = new EventSource(live.getAttribute("data-events"));
    source.addEventListener("update", function (e) {
      window.clearTimeout(lost);
      lost = null;
      showOffline(false);
      apply(JSON.parse(e.data));
    });
    source.onerror = function () {
      if (source.readyState === 2) { // refused (busy, limited): poll instead
        window.setTimeout(poll, 3000);
        return;
      }
      if (lost === null) { // the browser reconnects by itself; say so if it takes long
        lost = window.setTimeout(function () { showOffline(true); }, 5000);
      }
    };
  }

  var alertOk = document.getElementById("alert-ok");
  if (alertOk) {
    alertOk.addEventListener("click", function () { document.getElementById("alert").hidden = true; });
  }
  // The sound switch is part of the live content (it goes when nothing is left to alert
  // about), so each update draws it again: listen on the container, and draw it switched
  // on again once the visitor has tapped it.
  live.addEventListener("click", function (e) {
    if (!e.target || e.target.id !== "sound") { return; }
    // Browsers play sound and vibrate only after a tap: this tap unlocks both.
    chime = chime || new Audio(live.getAttribute("data-chime"));
    chime.volume = 1.0;
    var p = chime.play();
    if (p && p.catch) { p.catch(function () {}); }
    if (navigator.vibrate) { try { navigator.vibrate(200); } catch (err) { /* not allowed */ } }
    showSoundOn();
  });

  if (window.EventSource) { listen(); } else { poll(); }
}());
