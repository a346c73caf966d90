// mkdocs-material 9.8's inline head script (partials/javascripts/base.html), unchanged but for the
// scope, which the page passes in data-md-scope. Served as a file so the site's
// Content-Security-Policy can forbid inline scripts (overrides/main.html).
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
