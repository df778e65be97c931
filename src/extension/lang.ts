import * as vscode from 'vscode';
import type { Lang } from '../core/finding';

/** The language of the engine's messages: the one VS Code is displayed in. */
export function messageLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
