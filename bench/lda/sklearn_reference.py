"""scikit-learn's own LatentDirichletAllocation internals on the unit tests' tiny corpus, from the
tests' fixed initial λ with every E-step starting at γ = 1 (random_init=False), printed as JSON
for tests/unit/lda/sklearnFixture.json; and, with --time, a timing of a full default fit on a
synthetic corpus of the benchmark's shape (2,000 documents × 10,000 terms, K = 10)."""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.decomposition._lda import _dirichlet_expectation_2d

DENSE = [
    [3, 2, 1, 0, 0, 0, 0, 1],
    [2, 0, 3, 1, 0, 0, 0, 0],
    [0, 0, 0, 0, 2, 3, 1, 1],
    [0, 1, 0, 0, 1, 2, 2, 0],
    [1, 0, 2, 1, 1, 0, 1, 0],
    [4, 0, 0, 2, 0, 0, 3, 0],
]
LAMBDA0 = [
    [1.2, 0.8, 1.1, 0.9, 1.0, 0.7, 1.3, 1.05],
    [0.9, 1.1, 0.95, 1.25, 0.85, 1.15, 1.0, 0.75],
    [1.05, 0.9, 1.2, 0.8, 1.3, 1.0, 0.85, 1.1],
]


def fixture():
    X = sp.csr_matrix(np.array(DENSE, dtype=np.float64))
    lda = LatentDirichletAllocation(n_components=3, doc_topic_prior=0.3, topic_word_prior=0.2)
    lda._check_params() if hasattr(lda, "_check_params") else None
    lda._init_latent_vars(X.shape[1], dtype=np.float64)
    lda.components_ = np.array(LAMBDA0, dtype=np.float64)
    lda.exp_dirichlet_component_ = np.exp(_dirichlet_expectation_2d(lda.components_))
    steps = []
    for _ in range(5):
        gamma, sstats = lda._e_step(X, cal_sstats=True, random_init=False)
        lda.components_ = lda.topic_word_prior_ + sstats
        lda.exp_dirichlet_component_ = np.exp(_dirichlet_expectation_2d(lda.components_))
        steps.append({"lambda": lda.components_.ravel().tolist(), "gamma": gamma.ravel().tolist()})
    gamma, _ = lda._e_step(X, cal_sstats=False, random_init=False)
    bound = lda._approx_bound(X, gamma, sub_sampling=False)
    return {
        "sklearn": sklearn.__version__,
        "alpha": 0.3,
        "eta": 0.2,
        "steps": steps,
        "finalGamma": gamma.ravel().tolist(),
        "bound": float(bound),
        "perplexity": float(lda._perplexity_precomp_distr(X, gamma, sub_sampling=False)),
    }


def timing():
    rng = np.random.default_rng(1)
    D, V, K = 2000, 10000, 10
    beta = rng.dirichlet(np.full(V, 0.05), K)
    rows = []
    for _ in range(D):
        theta = rng.dirichlet(np.full(K, 0.1))
        n = rng.integers(100, 201)
        z = rng.choice(K, n, p=theta)
        words = [rng.choice(V, p=beta[k]) for k in z]
        rows.append(np.bincount(words, minlength=V))
    X = sp.csr_matrix(np.array(rows, dtype=np.float64))
    out = {"sklearn": sklearn.__version__, "nnz": int(X.nnz), "runs": []}
    for seed in (0, 1, 2):
        lda = LatentDirichletAllocation(n_components=K, random_state=seed)
        t = time.perf_counter()
        lda.fit(X)
        out["runs"].append(time.perf_counter() - t)
    return out


if __name__ == "__main__":
    print(json.dumps(timing() if "--time" in sys.argv else fixture()))
