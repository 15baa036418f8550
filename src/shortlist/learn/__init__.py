"""Training rankers on a team's own outcomes and evaluating them."""
