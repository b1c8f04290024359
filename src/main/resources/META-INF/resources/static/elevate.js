// Keeps "ends in ..." countdowns current. Loaded as a file so the CSP can forbid inline scripts.
(function () {
  function human(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    var parts = [];
    if (h > 0) parts.push(h + ' h');
    if (m > 0) parts.push(m + ' min');
    if (s > 0 || parts.length === 0) parts.push(s + ' s');
    return parts.join(' ');
  }
  function tick() {
    document.querySelectorAll('time.countdown').forEach(function (el) {
      var left = Math.round((Date.parse(el.getAttribute('datetime')) - Date.now()) / 1000);
      el.textContent = left > 0 ? 'ends in ' + human(left) : 'ending now';
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
})();

// The duration field follows the chosen entitlement's default until the person edits it, and
// forms that end access ask once more before they post.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var select = document.getElementById('entitlement');
    var duration = document.getElementById('duration');
    if (select && duration) {
      var edited = false;
      duration.addEventListener('input', function () { edited = true; });
      var follow = function () {
        var option = select.options[select.selectedIndex];
        if (!edited && option && option.dataset.defaultDuration) {
          duration.value = option.dataset.defaultDuration;
        }
      };
      select.addEventListener('change', follow);
      if (!duration.value) {
        follow();
      }
    }
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.dataset.confirm)) {
          event.preventDefault();
        }
      });
    });
  });
})();

// Tells Elevate the browser's time zone, for people whose Keycloak profile names none; pages
// then show times in it. Only the zone name is stored, never anything that identifies a person.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('elevate-tz=' + zone) < 0) {
      document.cookie = 'elevate-tz=' + zone + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) {
    // No Intl support: times stay in UTC.
  }
})();
