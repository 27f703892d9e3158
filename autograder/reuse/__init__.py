"""Training reuse: the reference's trainings, from a kernel of the grader's own or kept on disk, where the student's
would repeat them to the byte."""
