// mkdocs-material 9.8's inline content script (partials/javascripts/content.html), served as a
// file so the site's Content-Security-Policy can forbid inline scripts (overrides/main.html).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
