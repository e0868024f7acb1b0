// Progressive enhancement: swipe an invitation card right for yes, left for no.
// The card's buttons do the work (with or without htmx); this only presses them.
(function () {
  "use strict";
  var THRESHOLD = 90;

  function attach(card) {
    if (card.dataset.swipeReady) {
      return;
    }
    card.dataset.swipeReady = "1";
    var startX = null;
    var startY = null;
    card.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse" || event.target.closest("button, a, input, label")) {
        return;
      }
      startX = event.clientX;
      startY = event.clientY;
    });
    card.addEventListener("pointermove", function (event) {
      if (startX === null) {
        return;
      }
      var dx = event.clientX - startX;
      card.style.transform = "translateX(" + dx + "px) rotate(" + dx / 40 + "deg)";
    });
    function end(event) {
      if (startX === null) {
        return;
      }
      var dx = event.clientX - startX;
      var dy = Math.abs(event.clientY - startY);
      startX = null;
      card.style.transform = "";
      if (Math.abs(dx) < THRESHOLD || dy > Math.abs(dx)) {
        return;
      }
      var button = card.querySelector('[data-swipe="' + (dx > 0 ? "right" : "left") + '"]');
      if (button) {
        button.click();
      }
    }
    card.addEventListener("pointerup", end);
    card.addEventListener("pointercancel", function () {
      startX = null;
      card.style.transform = "";
    });
  }

  function scan(root) {
    (root || document).querySelectorAll("[data-swipe-card]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (event) { scan(event.target.parentNode || document); });
})();
