/**
 * The parts of Monaco's editor this app uses, instead of `edcore.main.js` (which registers every
 * contribution Monaco has: inline completions, sticky scroll, colour pickers, code lenses, the
 * command palette…). Fewer modules means a smaller chunk that compiles and evaluates faster,
 * which is most of the time before the editor is usable. Add a contribution here when a feature
 * needs it; each line is one self-registering module.
 */
import "monaco-editor/esm/vs/editor/browser/coreCommands.js";
import "monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js";
// Editing: brackets, comments (Ctrl+/), indentation, line and word operations, multi-cursor, undo.
import "monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js";
import "monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/esm/vs/editor/contrib/smartSelect/browser/smartSelect.js";
import "monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js";
// Find/replace (Ctrl+F) and folding of YAML blocks.
import "monaco-editor/esm/vs/editor/contrib/find/browser/findController.js";
import "monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js";
// What monaco-yaml feeds: completion (suggest + snippets), hover docs and marker hovers, F8 through markers, formatting.
import "monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js";
import "monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js";
// Accessibility: Ctrl+M toggles whether Tab moves focus out of the editor.
import "monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
import "monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js";
import "monaco-editor/esm/vs/editor/common/standaloneStrings.js";
// The codicon font's rules (suggest and hover icons).
import "monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js";
