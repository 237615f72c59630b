"""Running an implementation of Keras 3's optimizer wrapper on a keras-wrapper case, stage by stage.

A keras-wrapper step (docs/fixtures.md) holds the expected outputs of each stage of one Keras step, in
Keras's order (keras/src/optimizers/base_optimizer.py, `_backend_apply_gradients`): clip, decay, the
rule's own step, ema, overwrite. Each stage runs here on the inputs the format gives it: the case's
inputs, or the expected outputs of the stages before it, never the implementation's own earlier
outputs. So each stage is judged on its own, within its own bound, and a wrong stage fails alone.

The stage callable (--wrapper) is called as

    stage(name, entry, preset, hyper, flags, wrapper, t, inputs) -> outputs, or None to skip the stage

with `wrapper` the case's options (weightDecay, clipnorm, clipvalue, globalClipnorm and emaMomentum as
Hyper(decimal, float32); useEma True; emaOverwriteFrequency an int), t the rule's step count (Keras's
iterations + 1) and, per stage, lists with one entry per variable:

    clip       {'grads'}                      -> {'grads'}
    decay      {'params'}                     -> {'params'}            (lr is hyper['lr'])
    rule       {'params', 'grads', 'state'}   -> {'params', 'state'}   (state: one dict of slots per variable)
    ema        {'average', 'params'}          -> {'average'}
    overwrite  {'average', 'params'}          -> {'params'}            (the variables after the step)

The rule's stage is the step callable (--impl) on each variable when one is given.
"""
from fixture_format import values


def stage_inputs(s):
    """The inputs of each stage of the decoded step `s`, in Keras's order: {stage: inputs}."""
    inp, e = s.input, s.expected
    stepped = values(e['rule']['params'])
    inputs = {
        'clip': {'grads': inp['grads']},
        'decay': {'params': inp['params']},
        'rule': {'params': values(e['decay']['params']) if 'decay' in e else inp['params'],
                 'grads': values(e['clip']['grads']) if 'clip' in e else inp['grads'],
                 'state': inp['state']},
        'ema': {'average': inp.get('average'), 'params': stepped},
        'overwrite': {'average': values(e['ema']['average']) if 'ema' in e else None, 'params': stepped},
    }
    return {stage: inputs[stage] for stage in e}


def _rule(case, s, step_fn, inputs):
    """The rule's stage by the step callable, variable by variable (None if it skips any)."""
    results = [step_fn(case.entry, case.preset, case.hyper, case.flags, s.t, p, g, st)
               for p, g, st in zip(inputs['params'], inputs['grads'], inputs['state'])]
    if any(r is None for r in results):
        return None
    return {'params': [r[0] for r in results], 'state': [r[1] for r in results]}


def run_stages(case, s, step_fn, stage_fn):
    """{stage: outputs} of the stages the callables compute on step `s` of `case`, or None if none."""
    out = {}
    for stage, inputs in stage_inputs(s).items():
        if stage == 'rule' and step_fn is not None:
            r = _rule(case, s, step_fn, inputs)
        elif stage_fn is not None:
            r = stage_fn(stage, case.entry, case.preset, case.hyper, case.flags, case.wrapper, s.t, inputs)
        else:
            r = None
        if r is not None:
            out[stage] = r
    return out or None
