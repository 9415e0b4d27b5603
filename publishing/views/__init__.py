"""Pages of the publishing app: signed-in plan documents (`documents`), the review of projects and
its photographs (`projects`), and the public published plans under /p/ (`public`)."""
