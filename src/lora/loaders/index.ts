/** Runtime loader profiles: will a LoRA load in ComfyUI, in diffusers, under any naming model-compat knows. */
export { applyLoader, applyRuntimeLoaders, isLoaderName, LOADERS, RUNTIME_LOADERS } from './interpret.js'
export { LOADER_LABELS } from './verdict.js'
export { buildKeyMap, type KeyMap, type KeyMapTarget } from './keymap.js'
