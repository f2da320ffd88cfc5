/*
 * The report form (templates/report/form.html), without inline script (the CSP forbids it):
 * - warns before leaving while typed text is not saved (not after Save, Review or an autosave);
 * - saves the draft a few seconds after the user stops typing, with the lock version the page
 *   holds, and keeps the new version the server answers; on 409 (a colleague saved a newer
 *   version of a section) it stops, keeps the typed text and says so;
 * - keeps the "n of 23 rated" counter and the index's marks up to date;
 * - remembers the objective the user is in, so that Save returns there;
 * - folds the index on a phone.
 */
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) {
    return;
  }
  var AUTOSAVE_DELAY_MS = 3000;
  var autosaveUrl = form.getAttribute('data-autosave-url');
  var status = document.getElementById('autosave-status');
  var lockVersion = form.querySelector('input[name="lockVersion"]');
  var anchor = document.getElementById('form-anchor');
  var dirty = form.getAttribute('data-unsaved') === 'true';
  var edits = 0;
  var timer = null;
  var inFlight = null;
  var pending = false;
  var stopped = false;
  var leaving = false;

  function isField(element) {
    return element && (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT'
      || (element.tagName === 'INPUT' && element.type !== 'hidden'));
  }

  function changed(event) {
    if (!isField(event.target)) {
      return;
    }
    dirty = true;
    edits++;
    updateProgress();
    schedule();
  }

  function schedule() {
    if (!autosaveUrl || stopped) {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(autosave, AUTOSAVE_DELAY_MS);
  }

  /**
   * Shows the server's status fragment; anything else (a sign-in page after the session ended,
   * an error page) is not shown, the page says the draft was not saved.
   */
  function show(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var answer = page.querySelector('.autosave-saved, .autosave-refused');
    if (!answer) {
      status.textContent = status.getAttribute('data-offline');
      return null;
    }
    status.replaceChildren(document.importNode(answer, true));
    return status.querySelector('[data-lock-version]');
  }

  function autosave() {
    if (leaving) {
      return;
    }
    if (inFlight) {
      pending = true;
      return;
    }
    var sentAfter = edits;
    var body = new URLSearchParams(new FormData(form));
    body.delete('action');
    status.textContent = status.getAttribute('data-saving');
    inFlight = fetch(autosaveUrl, {method: 'POST', body: body, credentials: 'same-origin',
        headers: {'Accept': 'text/html'}})
      .then(function (response) {
        return response.text().then(function (html) {
          var saved = show(html);
          if (response.ok && saved && !response.redirected) {
            lockVersion.value = saved.getAttribute('data-lock-version');
            if (edits === sentAfter) {
              dirty = false;
            }
          } else if (response.status === 409) {
            stopped = true;
          }
        });
      })
      .catch(function () {
        status.textContent = status.getAttribute('data-offline');
      })
      .then(function () {
        inFlight = null;
        if (pending && !leaving) {
          pending = false;
          schedule();
        }
      });
  }

  function updateProgress() {
    var counter = document.getElementById('rated-count');
    if (!counter) {
      return;
    }
    var summaries = counter.getAttribute('data-mode') === 'summary';
    var done = 0;
    form.querySelectorAll('fieldset.objective-entry').forEach(function (fieldset) {
      var n = fieldset.id.replace('objective-', '');
      var field = summaries ? document.getElementById('achievements-' + n) : document.getElementById('rating-' + n);
      var complete = !!field && field.value.trim() !== '';
      if (complete) {
        done++;
      }
      var mark = document.querySelector('#index-' + n + ' .index-done');
      if (mark) {
        mark.hidden = !complete;
      }
    });
    counter.textContent = counter.getAttribute('data-template').replace('{0}', digits(done, counter.getAttribute('data-zero')));
  }

  /** The number with the page language's digits (the server's, e.g. Arabic-Indic in Arabic). */
  function digits(number, zero) {
    var base = (zero || '0').charCodeAt(0);
    return String(number).replace(/[0-9]/g, function (d) {
      return String.fromCharCode(base + d.charCodeAt(0) - 48);
    });
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('focusin', function (event) {
    var fieldset = event.target.closest('fieldset.objective-entry');
    if (fieldset && anchor) {
      anchor.value = fieldset.id;
    }
  });
  // A save or review clicked while an autosave is on its way waits for its answer, so that it
  // goes with the version the autosave wrote (else the page's own autosave would make it stale).
  form.addEventListener('submit', function (event) {
    window.clearTimeout(timer);
    leaving = true;
    if (inFlight) {
      event.preventDefault();
      var submitter = event.submitter;
      inFlight.then(function () {
        dirty = false;
        form.requestSubmit(submitter);
      });
      return;
    }
    dirty = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  var skip = document.getElementById('skip-to-save');
  if (skip) {
    skip.addEventListener('click', function (event) {
      event.preventDefault();
      document.getElementById('save-draft').focus();
    });
  }
  var index = document.getElementById('report-index');
  if (index && window.matchMedia('(max-width: 767.98px)').matches) {
    index.open = false;
  }
})();
