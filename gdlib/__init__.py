"""gdlib: gradient descent, its variants and optimizers in plain NumPy.

The library behind the gradient descent website: 2-D test surfaces (``gdlib.surfaces``), optimizers
as pure update rules with torch.optim's conventions (``gdlib.optimizers``), the descent loop and its
stopping rules (``gdlib.descent``), a reader's own f(x, y) as a surface (``gdlib.expression``, with
the optional SymPy extra), gradient descent with a backtracking (Armijo) line search
(``gdlib.linesearch``), the Hessian by central differences (``gdlib.curvature``), predicted and
measured linear rates on quadratics (``gdlib.rates``),
linear regression by batch, stochastic and mini-batch descent (``gdlib.regression``) with
learning-rate schedules (``gdlib.schedules``), small
seeded datasets (``gdlib.datasets``) and the NumPy page's sample (``gdlib.seed_example``).
It never plots or prints.

>>> import gdlib
>>> gdlib.descend("bowl", (2.0, 2.0)).status
'converged'
"""

from gdlib.datasets import make_regression, seed_page_data
from gdlib.descent import Trajectory, descend
from gdlib.expression import surface_from_expression
from gdlib.linesearch import LineSearchRun, backtracking_step, descend_backtracking
from gdlib.optimizers import (
    OPTIMIZERS,
    GradientTransformation,
    adagrad,
    adam,
    get_optimizer,
    rmsprop,
    sgd,
)
from gdlib.regression import (
    RegressionRun,
    batch_gd,
    fit_linear,
    minibatch_gd,
    mse,
    mse_grad,
    stochastic_gd,
)
from gdlib.seed_example import gradient_descent
from gdlib.surfaces import SURFACES, Surface, get_surface

__all__ = [
    "OPTIMIZERS",
    "SURFACES",
    "GradientTransformation",
    "LineSearchRun",
    "RegressionRun",
    "Surface",
    "Trajectory",
    "adagrad",
    "adam",
    "backtracking_step",
    "batch_gd",
    "descend",
    "descend_backtracking",
    "fit_linear",
    "get_optimizer",
    "get_surface",
    "gradient_descent",
    "make_regression",
    "minibatch_gd",
    "mse",
    "mse_grad",
    "rmsprop",
    "seed_page_data",
    "sgd",
    "stochastic_gd",
    "surface_from_expression",
]
