#!/usr/bin/python3
"""Write the small PyTorch fixture files in __fixtures__/torch/ and their expected.json.

Run from the repository root with a Python that has torch (Debian: `apt-get install python3-torch`, then
`/usr/bin/python3 scripts/make-torch-fixtures.py`). The committed files were written by torch 1.13.1.

Every file is written by torch.save itself. expected.json records, for each file, what torch reports about each
tensor of the state dict (shape, dtype, stride, storage offset) and the absolute byte range of the tensor's first
element in the file, found independently of our TypeScript reader:
  - zip files: the storage record's data offset from the zip local header (30 + name + extra lengths);
  - legacy files: by replaying torch's layout (pickles, then per storage an 8-byte count and the raw bytes).
The script then checks those byte ranges against the real tensor contents, so expected.json is ground truth.

Zip files are deterministic for a given torch version. Legacy files are not byte-identical between runs (torch
uses the storage's C pointer as the key), which is why the files are committed together with expected.json.

`--check-zip FILE` instead loads FILE with torch.load and prints its tensors as JSON (used by the test that
proves the TypeScript-generated benchmark zip is a valid torch file).
"""
import collections
import json
import os
import pickle
import struct
import sys
import zipfile

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '__fixtures__', 'torch')

DTYPE_NAMES = {
    torch.float32: 'F32', torch.float16: 'F16', torch.bfloat16: 'BF16', torch.float64: 'F64',
    torch.int64: 'I64', torch.int32: 'I32', torch.int16: 'I16', torch.int8: 'I8', torch.uint8: 'U8',
    torch.bool: 'BOOL', torch.complex64: 'C64', torch.complex128: 'C128',
}


def ramp(shape, dtype=torch.float32, start=0):
    n = 1
    for d in shape:
        n *= d
    return (torch.arange(n, dtype=torch.float64) + start).reshape(shape).to(dtype)


def transformer_like(blocks=4, dim=4):
    sd = collections.OrderedDict()
    k = 0
    sd['patch_embed.weight'] = ramp((dim, 2), start=k)
    k += 100
    for b in range(blocks):
        for part in ('q', 'k', 'v', 'o'):
            sd[f'blocks.{b}.self_attn.{part}.weight'] = ramp((dim, dim), start=k)
            sd[f'blocks.{b}.self_attn.{part}.bias'] = ramp((dim,), start=k + 50)
            k += 100
        sd[f'blocks.{b}.norm1.weight'] = ramp((dim,), start=k)
        sd[f'blocks.{b}.ffn.0.weight'] = ramp((2 * dim, dim), start=k + 10)
        sd[f'blocks.{b}.ffn.2.weight'] = ramp((dim, 2 * dim), start=k + 20)
        k += 100
    sd['head.weight'] = ramp((2, dim), start=k)
    return sd


def dtypes_and_views():
    sd = collections.OrderedDict()
    dts = (torch.float32, torch.float16, torch.bfloat16, torch.float64, torch.int64, torch.int32, torch.int16,
           torch.int8, torch.uint8)
    for i, dt in enumerate(dts):
        sd[f'dtype.{DTYPE_NAMES[dt].lower()}'] = ramp((2, 3), dt, start=10 * i)
    sd['dtype.bool'] = torch.tensor([[True, False, True], [False, True, False]])
    sd['dtype.c64'] = torch.complex(ramp((2, 3)), ramp((2, 3), start=10))
    base = ramp((16,), start=1000)
    sd['view.base'] = base
    sd['view.a'] = base[0:4]
    sd['view.b'] = base[4:8]
    sd['view.grid'] = base.view(4, 4)[1:3, 1:3]
    sd['view.transposed'] = ramp((2, 3), start=2000).t()
    sd['scalar'] = torch.tensor(3.5)
    sd['scalar_i64'] = torch.tensor(7)
    sd['empty'] = torch.zeros(0, 3)
    return sd


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(3, 2)
        self.norm = torch.nn.LayerNorm(2)
        with torch.no_grad():
            self.fc.weight.copy_(ramp((2, 3)))
            self.fc.bias.copy_(ramp((2,), start=5))


def lightning_like():
    sd = transformer_like(blocks=1)
    state_dict = collections.OrderedDict((f'model.{k}', v) for k, v in sd.items())
    first = next(iter(state_dict.values()))
    return {
        'epoch': 3,
        'global_step': 120,
        'pytorch-lightning_version': '1.9.0',
        'state_dict': state_dict,
        'loops': {'fit_loop': {'state_dict': {}, 'epoch_progress': {'current': {'completed': 3}}}},
        'callbacks': {"ModelCheckpoint{'monitor': None}": {'best_model_score': None}},
        'optimizer_states': [{
            'state': {0: {'step': torch.tensor(3.0), 'exp_avg': torch.zeros_like(first),
                          'exp_avg_sq': torch.zeros_like(first)}},
            'param_groups': [{'lr': 1e-4, 'betas': (0.9, 0.999), 'eps': 1e-8, 'weight_decay': 0.01,
                              'params': list(range(len(state_dict)))}],
        }],
        'lr_schedulers': [],
        'hparams_name': 'kwargs',
        'hyper_parameters': {'lr': 0.0001, 'dim': 4, 'name': 'tiny'},
    }


def files():
    sd = transformer_like()
    views = dtypes_and_views()
    params = collections.OrderedDict()
    params['weight'] = torch.nn.Parameter(ramp((2, 3)))
    params['frozen'] = torch.nn.Parameter(ramp((3,), start=9), requires_grad=False)
    params['buffer'] = ramp((2,), start=30)
    small = transformer_like(blocks=1)
    return [
        # name, object, save kwargs, stateDictPath, format
        ('zip_state_dict.pt', sd, {}, [], 'zip'),
        ('zip_dtypes_views.pt', views, {}, [], 'zip'),
        ('zip_parameters.pt', params, {}, [], 'zip'),
        ('zip_proto4.pt', small, {'pickle_protocol': 4}, [], 'zip'),
        ('zip_proto5.pt', small, {'pickle_protocol': 5}, [], 'zip'),
        ('zip_nested_model.pth', {'model': small, 'epoch': 1, 'lr': 0.5}, {}, ['model'], 'zip'),
        ('zip_nested_ema.pth', {'ema': {'module': small}, 'step': 9}, {}, ['ema', 'module'], 'zip'),
        ('zip_lightning_like.ckpt', lightning_like(), {}, ['state_dict'], 'zip'),
        ('zip_full_module.pt', Tiny(), {}, [], 'zip'),
        ('torchscript_linear.pt', 'torchscript', {}, [], 'zip'),
        ('legacy_state_dict.pt', small, {'_use_new_zipfile_serialization': False}, [], 'legacy'),
        ('legacy_dtypes_views.pt', views, {'_use_new_zipfile_serialization': False}, [], 'legacy'),
        ('legacy_proto4.pt', small, {'_use_new_zipfile_serialization': False, 'pickle_protocol': 4}, [], 'legacy'),
        ('legacy_nested_model.pth', {'model': params, 'epoch': 2}, {'_use_new_zipfile_serialization': False},
         ['model'], 'legacy'),
    ]


def state_dict_tensors(obj, path):
    """The tensors of the state dict at `path`, keyed by our flattened names."""
    if isinstance(obj, torch.nn.Module):
        return collections.OrderedDict(obj.state_dict())
    for key in path:
        obj = obj[key]
    return obj


def zip_record_offsets(path):
    """name -> (absolute data offset, size), from each local header (what torch's getRecordOffset does)."""
    out = {}
    with open(path, 'rb') as f:
        data = f.read()
    for info in zipfile.ZipFile(path).infolist():
        h = info.header_offset
        assert data[h:h + 4] == b'PK\x03\x04'
        name_len, extra_len = struct.unpack('<HH', data[h + 26:h + 30])
        out[info.filename] = (h + 30 + name_len + extra_len, info.file_size)
    return out


class _IdCapture(pickle.Unpickler):
    """Unpickles a torch pickle with storages replaced by their persistent ids (stdlib pickle, not our code)."""

    def __init__(self, f):
        super().__init__(f)
        self.storages = {}

    def persistent_load(self, pid):
        self.storages[pid[2]] = pid
        return None

    def find_class(self, module, name):
        if module == 'torch._utils' and name in ('_rebuild_tensor_v2', '_rebuild_parameter'):
            return lambda *a: None
        return super().find_class(module, name)


def legacy_storage_offsets(path):
    """key -> (absolute data offset, size), replaying the legacy layout with the stdlib pickle module."""
    with open(path, 'rb') as f:
        for _ in range(3):  # magic, protocol version, sys_info
            pickle.load(f)
        cap = _IdCapture(f)
        cap.load()
        keys = pickle.load(f)
        pos = f.tell()
        offsets = {}
        for key in keys:
            f.seek(pos)
            (numel,) = struct.unpack('<q', f.read(8))
            itemsize = cap.storages[key][1](0).element_size()
            offsets[key] = (pos + 8, numel * itemsize)
            pos += 8 + numel * itemsize
        assert pos == os.path.getsize(path), 'legacy file has trailing bytes'
        return offsets, cap.storages


def as_bytes(t):
    """The raw little-endian bytes of a tensor's elements in C order (works for bf16, bool and complex)."""
    flat = t.detach().reshape(-1).contiguous()
    return flat.view(torch.uint8).numpy().tobytes() if flat.numel() else b''


def storage_as_bytes(t):
    s = t.storage()
    return as_bytes(torch.empty(0, dtype=t.dtype).set_(s, 0, (s.size(),), (1,)))


def describe(path, obj, sd_path, fmt):
    loaded = torch.load(path)
    tensors = state_dict_tensors(loaded, sd_path)
    with open(path, 'rb') as f:
        raw = f.read()
    if fmt == 'zip':
        offsets = zip_record_offsets(path)
        prefix = zipfile.ZipFile(path).infolist()[0].filename.split('/')[0]
    else:
        offsets, _ = legacy_storage_offsets(path)
    # Storages of a loaded file are told apart by data pointer; we learn each storage's key by matching the
    # bytes of the record (every storage in these fixtures has distinct contents or is shared by views).
    out = collections.OrderedDict()
    for name, t in tensors.items():
        itemsize = t.element_size()
        storage = t.storage()
        nbytes = storage.size() * itemsize
        storage_bytes = storage_as_bytes(t)
        # The storage's data start is the record whose bytes equal the storage's bytes; the fixtures give every
        # storage distinct contents, and the assertion below proves the match.
        candidates = [o for o, size in offsets.values() if size == nbytes and raw[o:o + nbytes] == storage_bytes]
        assert len(candidates) == 1, f'{path}:{name}: storage bytes found {len(candidates)} times'
        start = candidates[0] + t.storage_offset() * itemsize
        span = 0 if t.numel() == 0 else (1 + sum((s - 1) * st for s, st in zip(t.shape, t.stride()))) * itemsize
        if t.is_contiguous():
            assert raw[start:start + span] == as_bytes(t), f'{path}:{name}: bytes differ'
        out[name] = {
            'shape': list(t.shape),
            'dtype': DTYPE_NAMES[t.dtype],
            'stride': list(t.stride()),
            'storageOffset': t.storage_offset(),
            'contiguous': t.is_contiguous(),
            'start': start,
            'end': start + span,
        }
    return out


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--check-zip':
        sd = torch.load(sys.argv[2])
        print(json.dumps({k: {'shape': list(v.shape), 'dtype': DTYPE_NAMES[v.dtype],
                              'sum': float(v.double().sum())} for k, v in sd.items()}))
        return
    os.makedirs(OUT, exist_ok=True)
    expected = collections.OrderedDict()
    expected['torch'] = torch.__version__
    expected['files'] = collections.OrderedDict()
    for name, obj, kwargs, sd_path, fmt in files():
        path = os.path.join(OUT, name)
        if obj == 'torchscript':
            torch.jit.save(torch.jit.script(Tiny().fc), path)
        else:
            torch.save(obj, path, **kwargs)
        expected['files'][name] = {
            'format': fmt,
            'stateDictPath': sd_path,
            'bytes': os.path.getsize(path),
            'tensors': describe(path, obj, sd_path, fmt),
        }
    # The same plain object in every protocol, for the unpickler's opcode coverage (expected.json has its repr).
    plain = {'name': 'plain', 'values': [1, -2, 2.5, None, True, False, 2**70, -2**40, 'caf\u00e9', b'\x00\xff'],
             'nested': {'k': (1, 'two'), 'empty': [], 'set': {3}, 'fs': frozenset([4])}}
    for protocol in range(6):
        with open(os.path.join(OUT, f'plain_protocol{protocol}.pkl'), 'wb') as f:
            pickle.dump(plain, f, protocol=protocol)
    expected['plain'] = repr(plain)
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1)
        f.write('\n')
    print('wrote', len(expected['files']), 'torch files to', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
