import { INITIAL_DATA_ID } from './initialDataId';

/** The data the page was made with, if any; read once (the element goes, with its text). */
export function initialData<T>(): T | undefined {
  const element = document.getElementById(INITIAL_DATA_ID);
  if (!element) return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as T;
  } catch {
    return undefined;
  }
}
