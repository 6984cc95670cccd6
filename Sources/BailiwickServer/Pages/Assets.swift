import BailiwickReports

/// The pages' one stylesheet and one script, served by the app itself: nothing comes from elsewhere.
enum Assets {
    static let css =
        AuditHTML.css + """

            *{box-sizing:border-box}
            body{max-width:none;padding:0;margin:0;background:#f7f8fa}
            .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}
            .skip:focus{left:.5rem}
            header.site{background:#1f3a5f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem \
            1.5rem;align-items:center}
            header.site a{color:#fff}
            .brand{font-weight:700;font-size:1.15rem;text-decoration:none}
            nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
            nav a{text-decoration:none;padding:.2rem 0;border-bottom:2px solid transparent}
            nav a[aria-current=page],nav a:hover{border-bottom-color:#fff}
            main{max-width:1100px;margin:0 auto;padding:1rem 1rem \
            2rem;background:#fff;min-height:70vh;overflow-wrap:break-word}
            main h1{font-size:1.5rem;margin:.3rem 0 1rem}
            main:focus{outline:none}
            footer.site{max-width:1100px;margin:0 auto;padding:1rem;font-size:.85rem;color:#5a6472}
            a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,\
            summary:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
            form.panel{background:#f4f6f9;border:1px solid var(--line);border-radius:6px;padding:1rem;\
            margin-bottom:1.2rem}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:.2rem 1rem}
            .field{margin:.4rem 0;display:flex;flex-direction:column}
            .field label{font-weight:600;margin-bottom:.15rem}
            .field.check{flex-direction:row;align-items:center;gap:.4rem}
            .field.check label{font-weight:400;margin:0}
            .hint{margin:0 0 .2rem;font-size:.85rem;color:#5a6472}
            input,select,textarea,button{font:inherit;padding:.4rem .5rem;border:1px solid \
            #8a94a3;border-radius:4px;max-width:100%}
            textarea{width:100%;font-family:ui-monospace,monospace;font-size:.85rem}
            button{background:#1f3a5f;color:#fff;border-color:#1f3a5f;cursor:pointer;padding:.5rem \
            1.1rem;font-weight:600}
            button.secondary{background:#fff;color:#1f3a5f}
            .actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.6rem}
            .alert{border-left:4px solid var(--error);background:#fde8e7;padding:.6rem .8rem;margin:1rem 0}
            .verdict{border-radius:6px;padding:.8rem 1rem;margin:1rem 0;border:2px solid}
            .verdict.good{border-color:var(--ok);background:#eaf6eb}.verdict.bad{border-color:var(--error);\
            background:#fde8e7}
            .verdict.caution{border-color:var(--warning);background:#fff3d6}
            .verdict .label{font-weight:800;letter-spacing:.03em}
            .status-primary{color:var(--ok)}.status-official-summary{color:var(--warning)}\
            .status-secondary{color:var(--warning)}.status-unverified{color:var(--error)}
            .tag{display:inline-block;font-size:.75rem;font-weight:700;border-radius:1rem;padding:0 .5rem;border:1px \
            solid currentColor;white-space:nowrap}
            .note{color:#5a6472;margin:.3rem 0}
            details.note summary{list-style:none;cursor:pointer}
            details.note summary::-webkit-details-marker{display:none}
            .note .more{color:#1f3a5f;text-decoration:underline;white-space:nowrap}
            details.note[open] .more{display:none}
            details.note p{margin:.2rem 0 0}
            .next{margin:1rem 0}
            .nowrap{white-space:nowrap}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:1rem;padding:0;\
            list-style:none}
            .cards li{border:1px solid var(--line);border-radius:6px;padding:.8rem}
            .question{border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
            .question legend{font-weight:600;padding:0 .3rem}
            .question.right{border-color:var(--ok)}.question.wrong{border-color:var(--error)}
            .question.unanswered{border-style:dashed}
            .score{font-size:1.2rem;font-weight:700}
            pre.trace{white-space:pre-wrap;background:#f4f6f9;padding:.6rem;border-radius:4px}
            @media (max-width:600px){main{padding:.8rem}.layout{grid-template-columns:1fr}}
            """

    static let javaScript = """
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          // Licences: offer only those issued in the chosen jurisdiction (or valid everywhere).
          for (const select of document.querySelectorAll("select[data-filter-by]")) {
            const source = document.getElementById(select.dataset.filterBy);
            if (!source) continue;
            const update = () => {
              for (const option of select.options) {
                const places = (option.dataset.jurisdictions || "").split(" ");
                const shown = !option.value || !source.value || places.includes(source.value);
                option.hidden = !shown;
                option.disabled = !shown;
                if (!shown && option.selected) select.value = "";
              }
            };
            source.addEventListener("change", update);
            update();
          }
          // Actions: show the plain-language description of the action typed or picked.
          const action = document.getElementById("action");
          const described = document.getElementById("action-description");
          if (action && described) {
            const show = () => {
              const match = [...document.querySelectorAll("#actions option")].find(o => o.value === \
        action.value.trim());
              described.textContent = match ? match.dataset.description : "";
            };
            action.addEventListener("input", show);
            show();
          }
          // Audit: read a chosen matter file into the text box; it never leaves the page until submitted.
          const upload = document.getElementById("upload");
          if (upload) upload.hidden = false;
          const file = document.getElementById("matter-file");
          const text = document.getElementById("matter");
          if (file && text) {
            file.addEventListener("change", () => {
              const chosen = file.files && file.files[0];
              if (!chosen) return;
              chosen.text().then(content => { text.value = content; text.focus(); });
            });
          }
        });
        """
}
