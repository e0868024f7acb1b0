// Keyboard and mouse for the autocomplete combobox (components/autocomplete.html).
// An enhancement only: without this file the field is a plain input in a working form.
// htmx fills the listbox; this file opens and closes it, moves the active option with
// the arrow keys (aria-activedescendant), chooses with Enter or a click, closes on Escape.
(function () {
  "use strict";
  if (window.jobuniversAutocomplete) {
    return; // the macro may be used more than once on a page
  }
  window.jobuniversAutocomplete = true;

  function parts(element) {
    var root = element.closest("[data-autocomplete]");
    if (!root) {
      return null;
    }
    return {
      root: root,
      input: root.querySelector("[role=combobox]"),
      listbox: root.querySelector("[role=listbox]"),
      value: root.querySelector("[data-autocomplete-value]"),
    };
  }

  function options(p) {
    return Array.prototype.slice.call(p.listbox.querySelectorAll("[role=option]"));
  }

  function setActive(p, option) {
    options(p).forEach(function (o) {
      o.setAttribute("aria-selected", o === option ? "true" : "false");
      o.classList.toggle("autocomplete-option-active", o === option);
    });
    if (option) {
      p.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      p.input.removeAttribute("aria-activedescendant");
    }
  }

  function open(p) {
    if (options(p).length === 0) {
      close(p);
      return;
    }
    p.listbox.hidden = false;
    p.input.setAttribute("aria-expanded", "true");
  }

  function close(p) {
    setActive(p, null);
    p.listbox.hidden = true;
    p.input.setAttribute("aria-expanded", "false");
  }

  function isOpen(p) {
    return p.input.getAttribute("aria-expanded") === "true";
  }

  function choose(p, option) {
    if (p.root.hasAttribute("data-autocomplete-navigate") && option.dataset.href) {
      window.location.assign(option.dataset.href);
      return;
    }
    p.input.value = option.dataset.label || option.textContent.trim();
    if (p.value) {
      p.value.value = option.dataset.value || "";
    }
    close(p);
    p.input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function move(p, step) {
    var list = options(p);
    if (list.length === 0) {
      return;
    }
    if (!isOpen(p)) {
      open(p);
    }
    var current = list.indexOf(p.listbox.querySelector("[aria-selected=true]"));
    var next = current + step;
    if (next < 0) {
      next = list.length - 1;
    } else if (next >= list.length) {
      next = 0;
    }
    setActive(p, list[next]);
  }

  document.addEventListener("keydown", function (event) {
    if (!event.target.matches || !event.target.matches("[data-autocomplete] [role=combobox]")) {
      return;
    }
    var p = parts(event.target);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move(p, 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(p, -1);
    } else if (event.key === "Enter") {
      var active = p.listbox.querySelector("[aria-selected=true]");
      if (isOpen(p) && active) {
        event.preventDefault(); // choose the option instead of submitting the form
        choose(p, active);
      }
    } else if (event.key === "Escape") {
      if (isOpen(p)) {
        event.preventDefault();
        close(p);
      }
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-autocomplete] [role=combobox]")) {
      var p = parts(event.target);
      // The text changed, so a concept chosen earlier no longer applies.
      if (p.value) {
        p.value.value = "";
      }
      setActive(p, null);
    }
  });

  // Keep the focus in the input when an option is pressed, so the click can choose it.
  document.addEventListener("mousedown", function (event) {
    if (event.target.closest && event.target.closest("[data-autocomplete] [role=listbox]")) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest("[data-autocomplete] [role=option]");
    if (option) {
      choose(parts(option), option);
    }
  });

  document.addEventListener("focusout", function (event) {
    if (event.target.matches && event.target.matches("[data-autocomplete] [role=combobox]")) {
      close(parts(event.target));
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || !target.matches || !target.matches("[data-autocomplete] [role=listbox]")) {
      return;
    }
    var p = parts(target);
    setActive(p, null);
    if (document.activeElement === p.input) {
      open(p);
    } else {
      close(p);
    }
  });
})();
