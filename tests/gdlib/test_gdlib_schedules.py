"""gdlib.schedules: each schedule's formula, torch.optim.lr_scheduler's rates, the presets, and
bad values refused with the argument named."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
import torch
from torch.optim import lr_scheduler as sched

from gdlib.schedules import (
    LABELS,
    PRESETS,
    SCHEDULES,
    constant_lr,
    cosine_annealing_lr,
    get_schedule,
    inverse_time_lr,
    rates,
    step_lr,
    warmup_cosine_lr,
)


def test_each_formula_at_a_few_epochs():
    assert rates(constant_lr(0.05), 3).tolist() == [0.05] * 3
    assert rates(step_lr(1.0, step_size=2, gamma=0.5), 5).tolist() == [1, 1, 0.5, 0.5, 0.25]
    assert rates(inverse_time_lr(2.0, lr_decay=0.5), 3).tolist() == [2.0, 2 / 1.5, 1.0]
    cosine = cosine_annealing_lr(1.0, T_max=4, eta_min=0.2)
    assert cosine(0) == 1.0 and math.isclose(cosine(2), 0.6) and math.isclose(cosine(4), 0.2)
    warm = rates(warmup_cosine_lr(1.0, total_epochs=6, warmup_epochs=3), 6)
    assert warm[:3].tolist() == [1 / 3, 2 / 3, 1.0]
    after = (1 + np.cos(np.pi * np.arange(1, 4) / 4)) / 2
    assert np.allclose(warm[3:], after, rtol=0, atol=1e-15)


def test_a_scalar_epoch_gives_a_float_an_array_gives_an_array():
    schedule = get_schedule("cosine", 0.05, 30)
    assert isinstance(schedule(3), float)
    assert schedule(np.arange(30)).shape == (30,)
    assert schedule(3) == schedule(np.arange(30))[3]


def test_torch_lr_schedulers_give_the_same_rates():
    def torch_rates(make, epochs=30, lr=0.05):
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
        scheduler = make(opt)
        out = []
        for _ in range(epochs):
            out.append(opt.param_groups[0]["lr"])
            opt.step()
            scheduler.step()
        return np.array(out)

    ours = {n: rates(get_schedule(n, 0.05, 30), 30) for n in SCHEDULES}
    assert np.allclose(ours["step"], torch_rates(lambda o: sched.StepLR(o, 10, 0.1)))
    assert np.allclose(ours["cosine"], torch_rates(lambda o: sched.CosineAnnealingLR(o, 30)))
    warm = PRESETS["warmup_cosine"]["warmup_epochs"]
    linear = lambda o: sched.LinearLR(o, 1 / warm, 1.0, warm - 1)  # noqa: E731
    sequential = lambda o: sched.SequentialLR(  # noqa: E731
        o, [linear(o), sched.CosineAnnealingLR(o, 30 - warm + 1)], milestones=[warm - 1]
    )
    assert np.allclose(ours["warmup_cosine"], torch_rates(sequential))


@pytest.mark.parametrize(
    ("ours", "theirs", "hyper"),
    [
        (step_lr, sched.StepLR, {"step_size": 3, "gamma": 0.5}),
        (cosine_annealing_lr, sched.CosineAnnealingLR, {"T_max": 7, "eta_min": 0.01}),
    ],
)
def test_hyperparameters_go_by_torchs_names(ours, theirs, hyper):
    assert set(inspect.signature(ours).parameters) - {"lr"} <= set(
        inspect.signature(theirs).parameters
    )
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.05)
    scheduler, torch_rates = theirs(opt, **hyper), []
    for _ in range(8):
        torch_rates.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
    assert np.allclose(rates(ours(0.05, **hyper), 8), torch_rates, rtol=0, atol=1e-15)


def test_the_presets_cover_every_schedule_with_a_label():
    assert set(PRESETS) == set(LABELS) == set(SCHEDULES)
    assert rates(get_schedule("inverse_time", 0.05, 30), 30)[2] == 0.05 / (1 + 0.5 * 2)
    assert get_schedule("step", 1.0, 30, gamma=0.5)(10) == 0.5


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: constant_lr(-1.0), "Invalid learning rate: -1.0"),
        (lambda: step_lr(0.1, step_size=0), "step_size must be in"),
        (lambda: step_lr(0.1, step_size=2, gamma=0.0), "gamma"),
        # torch takes a "cut" above 1: step_lr(1, 1, gamma=10)(400) overflowed to inf.
        (lambda: step_lr(0.1, step_size=2, gamma=10.0), r"Invalid gamma value: 10.0 \(a cut"),
        (lambda: inverse_time_lr(0.1, lr_decay=-0.5), "Invalid lr_decay value: -0.5"),
        (lambda: cosine_annealing_lr(0.1, T_max=0), "T_max must be in"),
        (lambda: cosine_annealing_lr(0.1, T_max=5, eta_min=0.2), "eta_min must be in"),
        (lambda: warmup_cosine_lr(0.1, total_epochs=5, warmup_epochs=6), "warmup_epochs must be"),
        (lambda: get_schedule("linear", 0.1, 5), "Unknown schedule 'linear'"),
        (lambda: get_schedule("cosine", 0.1, 0), "epochs must be in"),
        # The preset's warm-up (5) is checked as if passed: the same message as the JS port's.
        (
            lambda: get_schedule("warmup_cosine", 0.1, 3),
            r"^warmup_epochs must be in \[1, 3\], got 5$",
        ),
        (lambda: get_schedule("warmup_cosine", 0.1, 3, warmup_epochs=4), "got 4"),
        (lambda: constant_lr(0.1)(-1), "epoch must be an integer >= 0"),
    ],
)
def test_bad_values_name_the_argument(build, match):
    with pytest.raises(ValueError, match=match):
        build()


def test_an_unknown_hyperparameter_is_a_type_error():
    with pytest.raises(TypeError, match="gama"):
        get_schedule("step", 0.1, 5, gama=0.5)


@pytest.mark.parametrize("epoch", [1.5, "3", True, np.array([0.0, 1.0])])
def test_an_epoch_that_is_no_integer_is_a_type_error(epoch):
    with pytest.raises(TypeError, match="epoch must be an integer >= 0"):
        constant_lr(0.1)(epoch)


@pytest.mark.parametrize("schedule", [0.05, "step", None])
def test_rates_names_a_schedule_that_is_not_callable(schedule):
    # It failed with "'float' object is not callable", naming neither the argument nor rates.
    with pytest.raises(TypeError, match=r"^schedule must be callable .*, got "):
        rates(schedule, 3)
    with pytest.raises(ValueError, match="epochs must be in"):
        rates(constant_lr(0.1), -1)


def test_the_preset_warm_up_fits_a_run_of_its_length_and_a_shorter_run_passes_its_own():
    warm = PRESETS["warmup_cosine"]["warmup_epochs"]
    at_length = rates(get_schedule("warmup_cosine", 1.0, warm), warm)
    assert at_length.tolist() == [(e + 1) / warm for e in range(warm)]  # the peak at the end
    short = rates(get_schedule("warmup_cosine", 1.0, 3, warmup_epochs=2), 3)
    assert (
        short.tolist() == rates(warmup_cosine_lr(1.0, total_epochs=3, warmup_epochs=2), 3).tolist()
    )


def test_rates_broadcasts_a_single_rate_to_one_per_epoch():
    # Before: rates(lambda e: 0.1, 5) was array(0.1), shape (), not (5,).
    assert rates(lambda epoch: 0.1, 5).tolist() == [0.1] * 5
    assert rates(lambda epoch: 0.1, 0).shape == (0,)
    assert rates(cosine_annealing_lr(1.0, T_max=2), 3).tolist() == [1.0, 0.5, 0.0]  # its floor
    out = rates(lambda epoch: np.full(epoch.shape, 0.2), 2)
    out[0] = 1.0  # a writable array of its own, not a broadcast view
    assert out.tolist() == [1.0, 0.2]


@pytest.mark.parametrize(
    ("schedule", "error", "words"),
    [
        (lambda e: None, TypeError, "schedule's rates must be an array of real numbers"),  # was NaN
        (lambda e: "0.1", TypeError, "schedule's rates must be an array of real numbers"),
        (
            lambda e: 1.5 - e,
            ValueError,
            "schedule must return finite rates >= 0, got -0.5 at epoch 2",
        ),
        (lambda e: -e, ValueError, "finite rates >= 0, got -1.0 at epoch 1"),
        (lambda e: 1.0 / e, ValueError, "finite rates >= 0, got inf at epoch 0"),
        (lambda e: np.ones(2), ValueError, "one rate or one per epoch, shape (3,); got shape (2,)"),
        (lambda e: 0.1 if e < 2 else 0.01, ValueError, "a Python `if` on it is ambiguous"),
        (lambda e: 0.1 * math.cos(e), TypeError, "math functions take one number"),
    ],
)
def test_rates_checks_what_the_schedule_returns_and_names_it(schedule, error, words, recwarn):
    with pytest.raises(error) as raised:
        rates(schedule, 3)
    assert words in str(raised.value)
    assert "schedule" in str(raised.value)


def test_rates_lets_a_schedules_own_errors_through():
    def broken(epoch):
        raise ValueError("my own message")

    with pytest.raises(ValueError, match=r"^my own message$"):
        rates(broken, 3)


def test_warmup_cosine_rises_again_past_total_epochs_as_documented():
    rule = warmup_cosine_lr(1.0, total_epochs=10, warmup_epochs=4)
    assert rule(10) == 0.0 and rule(17) == 1.0 and rule(11) > 0.0
    assert "rises again" in " ".join(warmup_cosine_lr.__doc__.split())
