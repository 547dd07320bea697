// The query page of `kg serve`: Yasgui on this server's /query, one tab per example query.
// The configuration comes from a JSON script element (no inline script, so the page's
// Content-Security-Policy can forbid them).
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("kg-config").textContent);
  var endpoint = new URL(cfg.endpoint, window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,       // the examples, not a browser's old tabs, on each visit
    autoAddOnInit: cfg.examples.length === 0,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  var tabs = cfg.examples.map(function (ex, i) {
    return yasgui.addTab(i === 0, { name: ex.name, yasqe: { value: ex.query },
                                    requestConfig: { endpoint: endpoint, method: "POST" } });
  });
  document.querySelectorAll("#examples a[data-example]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var tab = tabs[Number(a.getAttribute("data-example"))];
      if (tab) { yasgui.selectTabId(tab.getId()); }
    });
  });
  window.yasgui = yasgui;
})();
