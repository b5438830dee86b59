/**
 * The debug adapter for state machines: the Debug Adapter Protocol over stdin/stdout (`node dist/debugAdapter.js`),
 * for VS Code and any other DAP client (nvim-dap, Emacs dap-mode). Each debugged execution runs in an execution
 * worker of its own, as `asl run` does (server/src/debug/debugRun.ts).
 */
import { DebugSession } from '@vscode/debugadapter';
import { AslDebugSession } from './debug/aslDebugSession';

DebugSession.run(AslDebugSession);
